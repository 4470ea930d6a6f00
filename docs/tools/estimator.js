// The estimator: a line-for-line port of src/sdw/estimation.py (formatting, validation and
// the sizing model), plus the form on the estimator page. Same names, same order of operations,
// so the browser and Python give bit-for-bit the same doubles; the tests compare them on
// hundreds of generated inputs. No framework, no request to any other host.
// A classic script in a function of its own: inlined into the estimator's page, it runs again
// whenever instant navigation brings that page in, and must not redeclare anything global.
(function () {
"use strict";

const SECONDS_PER_DAY = 86400;
const DAYS_PER_YEAR = 365;

// --- Formatting (estimation.human and friends) ------------------------------------------------
const SCALES = [1, 1e3, 1e6, 1e9, 1e12, 1e15, 1e18];
const COUNT_SUFFIXES = ["", "K", "M", "B", "T"];
const BYTE_SUFFIXES = ["B", "KB", "MB", "GB", "TB", "PB", "EB"];
const COUNT_UNITS = ["", "/s", "/day"];
const BYTE_UNITS = ["B", "B/s", "B/day"];
const UNITS = [...COUNT_UNITS, ...BYTE_UNITS, "%", "x", "s"];
const DURATION_UNITS = [["ns", 1e-9], ["µs", 1e-6], ["ms", 1e-3], ["s", 1], ["min", 60], ["h", 3600], ["days", 86400]];
const DURATION_RATIOS = [1000, 1000, 1000, 60, 60, 24];

// toExponential rounds the exact binary value, halves away from zero: as Python's Decimal
// with ROUND_HALF_UP does. The result is rewritten without an exponent or trailing zeros.
// The value rounded to `digits` significant digits (toExponential rounds the exact binary value,
// halves away from zero), then written times 10 ** shift: moving the point after rounding keeps
// 14.85e12 "14.9" TB, where dividing by 1e12 first gives 14.849999... (sdw.estimation.human).
function roundSignificant(value, digits = 3, shift = 0) {
  if (value === 0) return "0";
  const [mantissa, exponentText] = value.toExponential(digits - 1).split("e");
  const negative = mantissa.startsWith("-");
  const figures = mantissa.replace("-", "").replace(".", "");
  const exponent = Number(exponentText) + shift;
  let text;
  if (exponent >= 0) {
    const whole = figures.padEnd(exponent + 1, "0");
    text = whole.slice(0, exponent + 1) + "." + whole.slice(exponent + 1);
  } else {
    text = "0." + "0".repeat(-exponent - 1) + figures;
  }
  if (text.includes(".")) text = text.replace(/0+$/, "").replace(/\.$/, "");
  return (negative && text !== "0" ? "-" : "") + text;
}

// Past these bounds a number is written with an exponent, "1.23e21" (estimation.EXPONENT_FROM,
// EXPONENT_BELOW, GROUPED_BELOW): written out, the largest doubles run past 300 characters.
const EXPONENT_FROM = 21;
const EXPONENT_BELOW = -9;
const GROUPED_BELOW = 1e6;

// The value rounded to `digits` significant digits with an exponent, times 10 ** shift, no
// trailing zeros: 1.23e21 (estimation.scientific). toExponential rounds as roundSignificant does.
function scientific(value, digits = 3, shift = 0) {
  const [mantissa, exponentText] = value.toExponential(digits - 1).split("e");
  const trimmed = mantissa.includes(".") ? mantissa.replace(/0+$/, "").replace(/\.$/, "") : mantissa;
  return `${trimmed}e${Number(exponentText) + shift}`;
}

// roundSignificant(), or scientific() past the bounds (estimation.written).
function written(value, digits = 3, shift = 0) {
  if (value !== 0) {
    const exponent = Number(value.toExponential(digits - 1).split("e")[1]) + shift;
    if (exponent < EXPONENT_BELOW || exponent >= EXPONENT_FROM) return scientific(value, digits, shift);
  }
  return roundSignificant(value, digits, shift);
}

function group(integerText) {
  return integerText.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function describe(value) {
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
  }
  const text = JSON.stringify(value);
  return text === undefined ? "undefined" : text;
}

function human(value, unit = "") {
  if (!UNITS.includes(unit)) throw new Error(`unknown unit ${JSON.stringify(unit)}`);
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new Error(`cannot format ${describe(value)}: not a finite number`);
  }
  if (unit === "%") {
    let digits = 3;
    let rounded = written(value, digits, 2);
    while (Math.abs(Number(rounded)) === 100 && Math.abs(value) !== 1 && digits < 15) {
      digits += 1;
      rounded = written(value, digits, 2);
    }
    return rounded + "%";
  }
  if (unit === "x") return human(value) + "×"; // a count's suffixes: "41.7K×"
  if (unit === "s") return humanDuration(value);
  const isBytes = BYTE_UNITS.includes(unit);
  const suffixes = isBytes ? BYTE_SUFFIXES : COUNT_SUFFIXES;
  const magnitude = Math.abs(value);
  let index = 0;
  while (index < suffixes.length - 1 && magnitude >= SCALES[index + 1]) index += 1;
  let rounded = roundSignificant(magnitude, 3, -3 * index);
  // 999.96 rounds up to 1000: carry into the next suffix so we print "1K", not "1000".
  if (Number(rounded) >= 1000 && index < suffixes.length - 1) {
    index += 1;
    rounded = roundSignificant(magnitude, 3, -3 * index);
  }
  const sign = value < 0 && rounded !== "0" ? "-" : "";
  // Far beyond the largest suffix: no suffix, an exponent.
  if (Number(rounded) >= GROUPED_BELOW) return `${sign}${scientific(magnitude)}${isBytes ? " " : ""}${unit}`;
  const digits = Number(rounded) >= 1000 ? group(rounded) : written(magnitude, 3, -3 * index);
  return isBytes ? `${sign}${digits} ${suffixes[index]}${unit.slice(1)}` : `${sign}${digits}${suffixes[index]}${unit}`;
}

function humanDuration(seconds) {
  if (typeof seconds !== "number" || !Number.isFinite(seconds)) {
    throw new Error(`cannot format ${describe(seconds)}: not a finite number`);
  }
  if (seconds === 0) return "0 s";
  const magnitude = Math.abs(seconds);
  let index = 0;
  while (index < DURATION_UNITS.length - 1 && magnitude >= DURATION_UNITS[index + 1][1]) index += 1;
  const scaled = magnitude / DURATION_UNITS[index][1];
  let rounded = roundSignificant(scaled);
  let digits;
  if (index < DURATION_UNITS.length - 1 && Number(rounded) >= DURATION_RATIOS[index]) {
    index += 1;
    rounded = "1";
    digits = "1";
  } else if (Number(rounded) >= GROUPED_BELOW) {
    digits = scientific(scaled);  // over a million days: an exponent, as human() writes counts
  } else {
    digits = Number(rounded) >= 1000 ? group(rounded) : written(scaled);
  }
  const name = DURATION_UNITS[index][0] === "days" && rounded === "1" ? "day" : DURATION_UNITS[index][0];
  return `${seconds < 0 ? "-" : ""}${digits} ${name}`;
}

function exact(value) {
  const magnitude = Math.abs(value);
  const sign = value < 0 ? "-" : "";
  let text;
  if (magnitude >= 10 ** EXPONENT_FROM) return sign + scientific(magnitude, 7);
  if (magnitude >= 1) {
    // toFixed rounds the exact binary value, halves up (below 1e21, where it keeps to digits).
    text = magnitude.toFixed(2).replace(/\.?0+$/, "");
  } else {
    if (magnitude !== 0 && Number(magnitude.toExponential(3).split("e")[1]) < EXPONENT_BELOW) {
      return sign + scientific(magnitude, 4);
    }
    text = roundSignificant(magnitude, 4);
  }
  const [whole, fraction] = text.split(".");
  text = group(whole) + (fraction ? "." + fraction : "");
  return value < 0 && text !== "0" ? "-" + text : text;
}

// An output as the estimator prints it (estimation.output_text): a count of whole machines
// prints every digit below 10,000, as the pages print one through servers(); the rest as human().
const MACHINES_IN_FULL_BELOW = 10000;

function outputText(value, unit) {
  if (unit !== "machines") return human(value, unit);
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new Error(`a count of machines is a whole number, at least 0, not ${describe(value)}`);
  }
  return value < MACHINES_IN_FULL_BELOW ? group(String(value)) : human(value);
}

// An input as a reader would type it (estimation.input_text): 12 significant digits, no grouping,
// no trailing zeros, so a preset's 328.20000000000005 fills its field as "328.2"; an exponent only
// past the bounds above.
const INPUT_DIGITS = 12;

function inputText(value) {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new Error(`cannot write ${describe(value)} as an input: not a finite number`);
  }
  return written(value, INPUT_DIGITS);
}

// --- The sizing model (estimation.estimate) ------------------------------------------------------
const INPUTS = [
  "daily_active_users", "writes_per_user_per_day", "reads_per_user_per_day", "write_size_bytes",
  "read_size_bytes", "peak_to_average", "replication_factor", "retention_years", "cache_fraction",
  "requests_per_server",
];
const OUTPUTS = [
  "write_qps_avg", "read_qps_avg", "write_qps_peak", "read_qps_peak", "storage_per_day_bytes",
  "storage_total_bytes", "ingress_bytes_per_sec", "egress_bytes_per_sec", "cache_bytes", "servers",
];
const AT_LEAST_ONE = ["peak_to_average", "replication_factor"];
// The inputs that make each output larger, and (servers only) smaller (estimation.OUTPUT_INPUTS).
const OUTPUT_INPUTS = {
  write_qps_avg: [["daily_active_users", "writes_per_user_per_day"], []],
  read_qps_avg: [["daily_active_users", "reads_per_user_per_day"], []],
  write_qps_peak: [["daily_active_users", "writes_per_user_per_day", "peak_to_average"], []],
  read_qps_peak: [["daily_active_users", "reads_per_user_per_day", "peak_to_average"], []],
  storage_per_day_bytes: [["daily_active_users", "writes_per_user_per_day", "write_size_bytes"], []],
  storage_total_bytes: [
    ["daily_active_users", "writes_per_user_per_day", "write_size_bytes", "replication_factor", "retention_years"], [],
  ],
  ingress_bytes_per_sec: [["daily_active_users", "writes_per_user_per_day", "write_size_bytes"], []],
  egress_bytes_per_sec: [["daily_active_users", "reads_per_user_per_day", "read_size_bytes"], []],
  cache_bytes: [["daily_active_users", "reads_per_user_per_day", "read_size_bytes", "cache_fraction"], []],
  servers: [
    ["daily_active_users", "writes_per_user_per_day", "reads_per_user_per_day", "peak_to_average"],
    ["requests_per_server"],
  ],
};

function either(names) {
  return names.length === 1 ? names[0] : names.slice(0, -1).join(", ") + " or " + names[names.length - 1];
}

// `name` words each input: its code name by default, as Python's message does; the form passes
// the field's label.
function overflowMessage(output, name = (input) => input) {
  const [lower, higher] = OUTPUT_INPUTS[output].map((inputs) => inputs.map(name));
  const message = "the inputs multiply past what a number can hold: lower " + either(lower);
  return message + (higher.length ? ", or raise " + either(higher) : "");
}

function checkField(name, value) {
  if (typeof value !== "number") return `must be a number, got ${describe(value)}`;
  if (!Number.isFinite(value)) return `must be a finite number, got ${describe(value)}`;
  if (value < 0) return `must not be negative, got ${describe(value)}`;
  if (AT_LEAST_ONE.includes(name) && value < 1) return `must be at least 1, got ${describe(value)}`;
  if (name === "cache_fraction" && value > 1) return `must be between 0 and 1, got ${describe(value)}`;
  if (name === "requests_per_server" && value === 0) return "must be greater than 0";
  return null;
}

function validate(inputs) {
  if (inputs === null || typeof inputs !== "object" || Array.isArray(inputs)) {
    throw new Error("inputs: expected an object with the fields " + INPUTS.join(", "));
  }
  for (const name of Object.keys(inputs)) {
    if (!INPUTS.includes(name)) throw new Error(`${name}: unknown field; expected one of ${INPUTS.join(", ")}`);
  }
  for (const name of INPUTS) {
    if (!(name in inputs)) throw new Error(`${name}: missing`);
    const problem = checkField(name, inputs[name]);
    if (problem) throw new Error(`${name}: ${problem}`);
  }
  return Object.fromEntries(INPUTS.map((name) => [name, inputs[name]]));
}

function estimate(inputs) {
  const v = validate(inputs);
  const dau = v.daily_active_users;
  const write_qps_avg = dau * v.writes_per_user_per_day / SECONDS_PER_DAY;
  const read_qps_avg = dau * v.reads_per_user_per_day / SECONDS_PER_DAY;
  const write_qps_peak = write_qps_avg * v.peak_to_average;
  const read_qps_peak = read_qps_avg * v.peak_to_average;
  const storage_per_day_bytes = dau * v.writes_per_user_per_day * v.write_size_bytes;
  const storage_total_bytes = storage_per_day_bytes * DAYS_PER_YEAR * v.retention_years * v.replication_factor;
  const outputs = {
    write_qps_avg,
    read_qps_avg,
    write_qps_peak,
    read_qps_peak,
    storage_per_day_bytes,
    storage_total_bytes,
    ingress_bytes_per_sec: write_qps_avg * v.write_size_bytes,
    egress_bytes_per_sec: read_qps_avg * v.read_size_bytes,
    cache_bytes: v.cache_fraction * dau * v.reads_per_user_per_day * v.read_size_bytes,
    servers: (write_qps_peak + read_qps_peak) / v.requests_per_server, // rounded up below
  };
  // A product past the largest double is infinite, or NaN once multiplied by a zero input: refuse
  // it as Python does, naming the inputs to change; `inputs` tells the form which fields to mark.
  for (const name of OUTPUTS) {
    if (!Number.isFinite(outputs[name])) {
      throw Object.assign(new Error(overflowMessage(name)), { output: name, inputs: OUTPUT_INPUTS[name].flat() });
    }
  }
  outputs.servers = Math.ceil(outputs.servers);
  return outputs;
}

// The working behind each output: the formula with the numbers filled in.
function workings(v, out) {
  const e = exact;
  return {
    write_qps_avg: `${e(v.daily_active_users)} users × ${e(v.writes_per_user_per_day)} ÷ 86,400 s`,
    read_qps_avg: `${e(v.daily_active_users)} users × ${e(v.reads_per_user_per_day)} ÷ 86,400 s`,
    write_qps_peak: `${e(out.write_qps_avg)}/s × ${e(v.peak_to_average)}`,
    read_qps_peak: `${e(out.read_qps_avg)}/s × ${e(v.peak_to_average)}`,
    storage_per_day_bytes: `${e(v.daily_active_users)} × ${e(v.writes_per_user_per_day)} × ${e(v.write_size_bytes)} B`,
    storage_total_bytes: `${e(out.storage_per_day_bytes)} B × 365 × ${e(v.retention_years)} years × ${e(v.replication_factor)} copies`,
    ingress_bytes_per_sec: `${e(out.write_qps_avg)}/s × ${e(v.write_size_bytes)} B`,
    egress_bytes_per_sec: `${e(out.read_qps_avg)}/s × ${e(v.read_size_bytes)} B`,
    cache_bytes: `${e(v.cache_fraction)} × ${e(v.daily_active_users)} × ${e(v.reads_per_user_per_day)} × ${e(v.read_size_bytes)} B`,
    servers: `⌈(${e(out.write_qps_peak)} + ${e(out.read_qps_peak)}) ÷ ${e(v.requests_per_server)}⌉`,
  };
}

// --- The page ----------------------------------------------------------------------------------
// What a suffix multiplies by. The two size fields read byte units as human() prints them,
// decimal (1 KB is 1,000 bytes), so "500B" there is 500 bytes, not 500 billion; every other
// field is a count, where K, M, B and T are thousand, million, billion and trillion.
const BYTE_INPUTS = ["write_size_bytes", "read_size_bytes"];
const BYTE_SUFFIX_VALUES = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12 };
const COUNT_SUFFIX_VALUES = { k: 1e3, m: 1e6, b: 1e9, t: 1e12 };
// A comma may only group thousands, before any point: "1,000,000" and "1,000.5", not "1,5", which
// is a decimal comma and would otherwise read as 15.
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?(?:e[+-]?\d+)?[a-z]*$/i;

// The number a reader typed in the field `name`: "250000000", "250,000,000", "2.5e8" or "250M";
// "2KB" or "500B" in a size field. Throws an Error whose message says what to type instead.
function parseField(name, text) {
  const bytes = BYTE_INPUTS.includes(name);
  const hint = bytes ? "enter a size in bytes, such as 500, 2KB or 1.5MB" : "enter a number, such as 250M, 2.5e8 or 0.2";
  // A space between digits groups thousands ("250 000 000"), like a comma; any other space between
  // digits is a slip ("1 5"), which read as 15 when every space was dropped. One before a unit is fine.
  const trimmed = String(text).trim();
  const spaced = trimmed.replace(/(\d)\s+(?=\d)/g, "$1,");
  if (spaced !== trimmed && !GROUPED.test(spaced.replace(/[_\s]/g, ""))) {
    throw new Error("a space only separates thousands, as in 250 000 000; write decimals with a point, such as 1.5");
  }
  const cleaned = spaced.replace(/[_\s]/g, "");
  if (cleaned.includes(",") && !GROUPED.test(cleaned)) {
    throw new Error("use a point for decimals, such as 1.5; a comma only separates thousands, as in 1,000,000");
  }
  const match = cleaned.replace(/,/g, "").match(/^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)([a-z]*)$/i);
  const suffix = match ? match[2].toLowerCase() : "";
  const scales = bytes ? BYTE_SUFFIX_VALUES : COUNT_SUFFIX_VALUES;
  if (!match || (suffix !== "" && !Object.hasOwn(scales, suffix))) throw new Error(hint);
  return Number(match[1]) * (suffix ? scales[suffix] : 1);
}

function mount(root) {
  const data = JSON.parse(root.dataset.estimator);
  // Elements are found by data- attributes: ids and names may be rewritten (the one-page
  // print version prefixes them with the page's name).
  const form = root.querySelector("form");
  const field = (name) => root.querySelector(`[data-input="${name}"]`);
  const status = root.querySelector("[data-copy-status]");

  // A preset's inputs are numbers, written as a reader would type them; a link's are the text
  // of its address, shown as they came.
  function show(values) {
    for (const name of INPUTS) {
      const value = values[name];
      field(name).value = typeof value === "number" ? inputText(value) : String(value);
    }
  }

  function fromQuery() {
    const query = new URLSearchParams(location.search);
    if (query.has("preset") && data.presets[query.get("preset")]) return data.presets[query.get("preset")].inputs;
    const values = { ...data.presets[data.default].inputs };
    let any = false;
    for (const name of INPUTS) {
      if (query.has(name)) {
        values[name] = query.get(name);
        any = true;
      }
    }
    return any ? values : data.presets[data.default].inputs;
  }

  // A message as the form shows it: a sentence.
  const sentence = (text) => text.charAt(0).toUpperCase() + text.slice(1).replace(/([^.])$/, "$1.");
  // The field's label as the reader sees it, to name it in its messages.
  const label = (name) => field(name).closest(".estimator__field").querySelector("label").textContent;

  function update() {
    const values = {};
    const problems = {};
    for (const name of INPUTS) {
      let problem;
      try {
        values[name] = parseField(name, field(name).value);
        problem = checkField(name, values[name]);
      } catch (error) {
        problem = error.message;
      }
      if (problem) problems[name] = sentence(`${label(name)}: ${problem}`);
    }
    let result = null;
    if (Object.keys(problems).length === 0) {
      try {
        result = estimate(values);
      } catch (error) {
        if (!error.inputs) throw error; // a fault in this script, not in what the reader typed
        // Each field is fine alone, but together they pass what a number can hold: say so at
        // every field whose lowering (or raising) would fix it, naming the fields by their labels.
        const message = sentence(overflowMessage(error.output, label));
        for (const name of error.inputs) problems[name] = message;
      }
    }
    for (const name of INPUTS) {
      const error = root.querySelector(`[data-error="${name}"]`);
      field(name).setAttribute("aria-invalid", name in problems ? "true" : "false");
      error.textContent = problems[name] ?? "";
      error.hidden = !(name in problems);
    }
    const valid = result !== null;
    const working = valid ? workings(values, result) : {};
    for (const { name, unit } of data.outputs) {
      const output = root.querySelector(`[data-output="${name}"]`);
      output.textContent = valid ? outputText(result[name], unit) : "–";
      output.title = valid ? `${exact(result[name])} exactly` : "";
      root.querySelector(`[data-working="${name}"]`).textContent = valid ? `${working[name]} = ${exact(result[name])}` : "fix the inputs above";
    }
    if (valid) {
      // Written as a reader would type it: a typed "4.1M" is 4099999.9999999995 once parsed.
      const query = new URLSearchParams(INPUTS.map((name) => [name, inputText(values[name])]));
      // Keep an anchor only if it is on this page (instant navigation can bring one along).
      const anchor = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
      history.replaceState(history.state, "", `${location.pathname}?${query}${anchor ? location.hash : ""}`);
    }
    root.dataset.valid = String(valid);
  }

  form.addEventListener("input", update);
  form.addEventListener("submit", (event) => event.preventDefault());
  for (const button of root.querySelectorAll("[data-preset]")) {
    button.addEventListener("click", () => {
      show(data.presets[button.dataset.preset].inputs);
      update();
    });
  }
  root.querySelector("[data-copy-link]").addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      status.textContent = "Link copied.";
    } catch {
      status.textContent = `Copy this link: ${location.href}`;
    }
  });
  show(fromQuery());
  update();
}

window.estimate = estimate;
window.estimator = {
  estimate, validate, human, humanDuration, exact, inputText, outputText, parseField, INPUTS, OUTPUTS, OUTPUT_INPUTS,
  BYTE_INPUTS,
};

// Material's instant navigation swaps pages without reloading this module: mount the form
// whenever a page that has one appears.
function mountAll() {
  for (const root of document.querySelectorAll("[data-estimator]:not([data-mounted])")) {
    root.dataset.mounted = "true";
    mount(root);
  }
}
if (window.document$) window.document$.subscribe(mountAll);
else document.addEventListener("DOMContentLoaded", mountAll);
mountAll();
})();
