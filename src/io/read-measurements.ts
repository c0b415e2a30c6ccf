/**
 * A CSV of measured latencies for `mbn-cost calibrate`: a header row, then one row per measurement with
 * `model` (any spec the tool reads: v2@0.5/160, a JSON, .onnx or .tflite file) and `latency_ms`;
 * optionally `dtype` (fp32, fp16, int8), `threads` and `note`. Parsed by csv-parse (RFC 4180: quoted
 * fields, CRLF or LF); `#` starts a comment line.
 */
import { parse } from "csv-parse/sync";
import { InputError } from "../errors.js";
import { DTYPE_NAMES, type Dtype } from "../evaluate/option-names.js";
import { readTextFile } from "./read-model-spec.js";

export interface Measurement {
  /** Its data row's line in the file. */
  readonly line: number;
  readonly model: string;
  readonly latencyMs: number;
  readonly dtype: Dtype | undefined;
  readonly threads: number | undefined;
  readonly note: string | undefined;
}

const REQUIRED = ["model", "latency_ms"] as const;
const COLUMNS: readonly string[] = [...REQUIRED, "dtype", "threads", "note"];

/** More rows than any device table; a fit of more is a mistake (each row builds and costs a model). */
export const MAX_MEASUREMENTS = 10_000;

/** A latency in milliseconds: a decimal above 0, at most an hour. */
const LATENCY_PATTERN = /^\d+(\.\d+)?$/;
const MAX_LATENCY_MS = 3_600_000;

/** The file's records, each with the line it ends on (csv-parse's own count). */
function parseRecords(text: string, file: string): { fields: string[]; line: number }[] {
  try {
    // with `info`, each record comes with where it was read (csv-parse's types do not say so)
    const records = parse(text, {
      info: true,
      record_delimiter: ["\r\n", "\n"],
      skip_empty_lines: true,
      comment: "#",
      comment_no_infix: true,
      trim: true,
      to_line: MAX_MEASUREMENTS + 1000,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map((r) => ({ fields: r.record, line: r.info.lines }));
  } catch (error) {
    const { lines } = error as { lines?: number };
    throw new InputError(
      `${file}: not a valid CSV${lines === undefined ? "" : ` (line ${lines})`}: quote fields that hold commas, and give each row every column`,
    );
  }
}

function checkHeader(header: readonly string[], file: string): void {
  const unknown = header.find((h) => !COLUMNS.includes(h));
  if (unknown !== undefined)
    throw new InputError(
      `${file}: column '${unknown}' is not one calibrate reads; columns: ${COLUMNS.join(", ")}`,
    );
  const missing = REQUIRED.find((c) => !header.includes(c));
  if (missing !== undefined)
    throw new InputError(
      `${file}: no '${missing}' column; a measurements CSV has the columns model,latency_ms (and optionally dtype, threads, note)`,
    );
}

function measurement(row: ReadonlyMap<string, string>, line: number, file: string): Measurement {
  const at = `${file} line ${line}`;
  const model = row.get("model") ?? "";
  if (model === "") throw new InputError(`${at}: no model; give a spec such as v2@0.5/160 or a file`);
  const latency = row.get("latency_ms") ?? "";
  const latencyMs = Number(latency);
  if (!LATENCY_PATTERN.test(latency) || !(latencyMs > 0) || latencyMs > MAX_LATENCY_MS)
    throw new InputError(
      `${at}: latency_ms '${latency}' must be milliseconds above 0 and at most ${MAX_LATENCY_MS} (12.5)`,
    );
  const dtypeText = row.get("dtype") ?? "";
  if (dtypeText !== "" && !(DTYPE_NAMES as readonly string[]).includes(dtypeText))
    throw new InputError(`${at}: dtype '${dtypeText}' must be one of ${DTYPE_NAMES.join(", ")}`);
  const threadsText = row.get("threads") ?? "";
  if (threadsText !== "" && !/^[1-9]\d{0,3}$/.test(threadsText))
    throw new InputError(`${at}: threads '${threadsText}' must be a whole number from 1 to 9999`);
  return {
    line,
    model,
    latencyMs,
    dtype: dtypeText === "" ? undefined : (dtypeText as Dtype),
    threads: threadsText === "" ? undefined : Number(threadsText),
    note: row.get("note") || undefined,
  };
}

/** The file's measurements, checked; each numbered by its line in the file. */
export function readMeasurements(path: string, file: string): Measurement[] {
  const [header, ...rows] = parseRecords(readTextFile(path, "measurements CSV"), file);
  if (rows.length > MAX_MEASUREMENTS)
    throw new InputError(`${file}: more than ${MAX_MEASUREMENTS.toLocaleString("en-US")} measurements`);
  const columns = (header?.fields ?? []).map((h) => h.toLowerCase());
  checkHeader(columns, file);
  // a Map: column names are user text, never an object's keys
  return rows.map(({ fields, line }) =>
    measurement(new Map(columns.map((c, i) => [c, fields[i] ?? ""])), line, file),
  );
}
