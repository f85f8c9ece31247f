import { applyEdits } from '../../src/model/edit/apply.ts';
import type { Edit } from '../../src/model/edit/types.ts';
import type { Diagnostic } from '../../src/model/diagnostics/types.ts';
import { openTemplate } from '../../src/model/template.ts';
import type { FormatId } from '../../src/model/template.ts';
import { validateTemplate } from '../../src/model/validate.ts';
import { loadSpec } from '../spec.ts';
import { encode, FileError, readTemplate, writeTemplate } from './files.ts';

const FORMATS: readonly FormatId[] = ['cloudformation', 'serverless'];

export interface Io {
  stdout(s: string): void;
  stderr(s: string): void;
}

const USAGE = `Usage: cairn <command> [options]

Commands:
  serve [--port N] [--host H] [--data DIR] [--team]
                                  run the server (docs/server.md); stacks live in DIR
  graph FILE                      print nodes, edges and diagnostics as JSON
  validate FILE...                print diagnostics as file:line:col lines; exit 1 on errors
  roundtrip FILE...               open and print each file without an edit; exit 1 if any changed
  edit FILE --ops OPS.json [--write] [--format cloudformation|serverless]
                                  apply a JSON array of edits; print the result or write it
                                  (the format is detected unless --format forces it)

See docs/cli.md for the JSON shapes.
`;

function diagLine(file: string, d: Diagnostic): string {
  const pos = d.range ? `${d.range.start.line}:${d.range.start.col}` : '1:1';
  return `${file}:${pos}: ${d.severity} ${d.code} ${d.message}\n`;
}

async function graph(args: string[], io: Io): Promise<number> {
  if (args.length !== 1) return usage(io, 'graph takes one FILE');
  const { text } = await readTemplate(args[0]!);
  const t = openTemplate(text);
  const diagnostics = validateTemplate(t, { spec: loadSpec() });
  io.stdout(JSON.stringify({ format: t.format, nodes: t.graph.nodes, edges: t.graph.edges, diagnostics }, null, 2) + '\n');
  // the graph was printed; only a template that could not be read at all is a failure
  return t.parsed.blocked ? 1 : 0;
}

async function validate(args: string[], io: Io): Promise<number> {
  if (!args.length) return usage(io, 'validate takes one or more FILEs');
  const spec = loadSpec();
  let errors = 0;
  let warnings = 0;
  for (const file of args) {
    try {
      const { text } = await readTemplate(file);
      for (const d of validateTemplate(openTemplate(text), { spec })) {
        if (d.severity === 'error') errors++;
        else if (d.severity === 'warning') warnings++;
        io.stdout(diagLine(file, d));
      }
    } catch (e) {
      if (!(e instanceof FileError)) throw e;
      errors++;
      io.stdout(`${file}:1:1: error ${e.code} ${e.message}\n`);
    }
  }
  io.stderr(`${args.length} file(s): ${errors} error(s), ${warnings} warning(s)\n`);
  return errors ? 1 : 0;
}

async function roundtrip(args: string[], io: Io): Promise<number> {
  if (!args.length) return usage(io, 'roundtrip takes one or more FILEs');
  let identical = 0;
  let changed = 0;
  let unreadable = 0;
  for (const file of args) {
    try {
      const { bytes, text } = await readTemplate(file);
      const t = openTemplate(text);
      if (t.parsed.blocked) {
        const first = t.diagnostics.find((d) => d.severity === 'error');
        unreadable++;
        io.stdout(`unreadable ${file}: ${first ? `${first.code} at ${first.range?.start.line ?? 1}:${first.range?.start.col ?? 1}` : 'does not parse'}\n`);
        continue;
      }
      const printed = applyEdits(t.text, []);
      const out = printed.ok ? encode(printed.text) : null;
      if (out && out.equals(bytes)) {
        identical++;
        io.stdout(`identical ${file}\n`);
      } else {
        changed++;
        io.stdout(`changed ${file}\n`);
      }
    } catch (e) {
      if (!(e instanceof FileError)) throw e;
      unreadable++;
      io.stdout(`unreadable ${file}: ${e.code} ${e.message}\n`);
    }
  }
  io.stdout(`${identical} identical, ${changed} changed, ${unreadable} unreadable\n`);
  return changed ? 1 : 0;
}

async function edit(args: string[], io: Io): Promise<number> {
  let file: string | undefined;
  let opsFile: string | undefined;
  let write = false;
  let format: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--format') format = args[++i];
    else if (a.startsWith('--format=')) format = a.slice(9);
    else if (a === '--ops') opsFile = args[++i];
    else if (a.startsWith('--ops=')) opsFile = a.slice(6);
    else if (a === '--write') write = true;
    else if (a.startsWith('-')) return usage(io, `unknown option ${a}`);
    else if (file === undefined) file = a;
    else return usage(io, 'edit takes one FILE');
  }
  if (!file || !opsFile) return usage(io, 'edit needs FILE and --ops OPS.json');
  if (format !== undefined && !FORMATS.includes(format as FormatId)) return usage(io, `--format is ${FORMATS.join(' or ')}`);
  const { text } = await readTemplate(file);
  let ops: unknown;
  try {
    ops = JSON.parse((await readTemplate(opsFile)).text);
  } catch (e) {
    if (e instanceof FileError) throw e;
    io.stderr(`${opsFile}: error EDIT_OPS_INVALID_JSON ${(e as Error).message}\n`);
    return 1;
  }
  const list = Array.isArray(ops) ? ops : [ops];
  const result = applyEdits(text, list as Edit[], format ? { format: format as FormatId } : {});
  if (!result.ok) {
    for (const d of result.diagnostics) io.stderr(diagLine(file, d));
    return 1;
  }
  if (write) await writeTemplate(file, result.text);
  else io.stdout(result.text);
  return 0;
}

/** Runs until the server closes (SIGINT/SIGTERM end the process from server/main.ts). */
async function serve(args: string[]): Promise<number> {
  const { main: serverMain } = await import('../main.ts');
  const running = await serverMain(args);
  if (!running) return typeof process.exitCode === 'number' ? process.exitCode : 1;
  await new Promise((resolve) => running.server.once('close', resolve));
  return 0;
}

function usage(io: Io, problem?: string): number {
  if (problem) io.stderr(`cairn: ${problem}\n\n`);
  io.stderr(USAGE);
  return 2;
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case 'graph':
        return await graph(rest, io);
      case 'validate':
        return await validate(rest, io);
      case 'roundtrip':
        return await roundtrip(rest, io);
      case 'edit':
        return await edit(rest, io);
      case 'serve':
        return await serve(rest);
      case '--help':
      case '-h':
      case 'help':
        io.stdout(USAGE);
        return 0;
      default:
        return usage(io, cmd ? `unknown command '${cmd}'` : undefined);
    }
  } catch (e) {
    if (e instanceof FileError) {
      io.stderr(`cairn: ${e.code}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
