/**
 * Just enough of Bicep's syntax to check the templates in infra/ without the Bicep CLI (which
 * cannot be installed on this machine: see docs/deploy.md, "What is validated"). Not a parser:
 * it strips comments, matches braces outside strings, and reads declarations line by line.
 */
import { readFileSync } from 'node:fs';

/** The text with // and /* *\/ comments removed; strings (with \' escapes) are kept as they are. */
export function stripComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') {
        out += text[++i] ?? '';
      } else if (c === "'") {
        inString = false;
      }
      continue;
    }
    if (c === "'") {
      inString = true;
      out += c;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else {
      out += c;
    }
  }
  return out;
}

export function readBicep(path: string): string {
  return stripComments(readFileSync(path, 'utf8'));
}

/** Whether (), [] and {} pair up outside strings. */
export function bracketsBalance(text: string): boolean {
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const stack: string[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === "'") inString = false;
      continue;
    }
    if (c === "'") inString = true;
    else if (c === '(' || c === '[' || c === '{') stack.push(c);
    else if (c in pairs && stack.pop() !== pairs[c]) return false;
  }
  return stack.length === 0 && !inString;
}

/** The text from `start` (an opening bracket) to its matching closing bracket, inclusive. */
export function blockFrom(text: string, start: number): string {
  const open = text[start]!;
  const close = ({ '{': '}', '[': ']', '(': ')' } as Record<string, string>)[open];
  if (!close) throw new Error(`no bracket at ${start}`);
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === "'") inString = false;
      continue;
    }
    if (c === "'") inString = true;
    else if (c === open) depth++;
    else if (c === close && --depth === 0) return text.slice(start, i + 1);
  }
  throw new Error(`unclosed ${open} at ${start}`);
}

export interface BicepParam {
  name: string;
  type: string;
  /** The default's source text, when there is one. */
  defaultValue?: string;
  /** Values of an @allowed([...]) decorator. */
  allowed?: string[];
  secure: boolean;
}

export function params(text: string): Map<string, BicepParam> {
  const found = new Map<string, BicepParam>();
  let decorators = '';
  for (const line of text.split('\n')) {
    const m = /^param (\w+) (\w+)(?: = (.+))?$/.exec(line);
    if (m) {
      const allowedBlock = /@allowed\(\[([\s\S]*?)\]\)/.exec(decorators);
      const param: BicepParam = { name: m[1]!, type: m[2]!, secure: decorators.includes('@secure()') };
      if (m[3] !== undefined) param.defaultValue = m[3].trim();
      if (allowedBlock) param.allowed = [...allowedBlock[1]!.matchAll(/'([^']*)'/g)].map((a) => a[1]!);
      found.set(param.name, param);
      decorators = '';
    } else if (line.trim() === '' || /^(var|resource|module|output|targetScope) /.test(line)) {
      decorators = '';
    } else {
      decorators += `${line}\n`;
    }
  }
  return found;
}

export function outputs(text: string): Set<string> {
  return new Set([...text.matchAll(/^output (\w+) /gm)].map((m) => m[1]!));
}

export interface BicepResource {
  symbol: string;
  type: string;
  apiVersion: string;
  existing: boolean;
  body: string;
}

export function resources(text: string): BicepResource[] {
  const re = /^resource (\w+) '([^'@]+)@([^']+)'( existing)? = (?:\[for [^\n]*?: |if \([^\n]*?\) )?\{/gm;
  return [...text.matchAll(re)].map((m) => ({
    symbol: m[1]!,
    type: m[2]!,
    apiVersion: m[3]!,
    existing: Boolean(m[4]),
    body: blockFrom(text, m.index + m[0].length - 1),
  }));
}

export interface BicepModule {
  symbol: string;
  path: string;
  /** Parameter names passed in `params: { ... }`, with their source text. */
  params: Map<string, string>;
}

/** Top-level `key: value` pairs of an object block `{ ... }` (values may span lines). */
export function objectEntries(block: string): Map<string, string> {
  const inner = block.slice(1, -1);
  const entries = new Map<string, string>();
  const re = /^\s*(\w+): /gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(inner))) {
    const start = m.index + m[0].length;
    const first = inner[start];
    let value: string;
    if (first === '{' || first === '[') {
      value = blockFrom(inner, start);
    } else {
      const end = inner.indexOf('\n', start);
      value = inner.slice(start, end < 0 ? undefined : end).trim();
    }
    entries.set(m[1]!, value);
    re.lastIndex = start + value.length;
  }
  return entries;
}

export function modules(text: string): BicepModule[] {
  const re = /^module (\w+) '([^']+)' = (?:if \([^\n]*?\) )?\{/gm;
  return [...text.matchAll(re)].map((m) => {
    const body = blockFrom(text, m.index + m[0].length - 1);
    const paramsText = objectEntries(body).get('params');
    return {
      symbol: m[1]!,
      path: m[2]!,
      params: paramsText ? objectEntries(paramsText) : new Map<string, string>(),
    };
  });
}

/** The `[ ... ]` of `var <name> = [` or `var <name> = <condition> ? [`. */
export function arrayVariable(text: string, name: string): string {
  const m = new RegExp(`^var ${name} = (?:[^\\n\\[]*\\? )?\\[`, 'm').exec(text);
  if (!m) throw new Error(`no array variable ${name}`);
  return blockFrom(text, m.index + m[0].length - 1);
}

/** `{ name: 'X' value: ... }` entries of an array of objects. */
export function nameValueEntries(arrayText: string): { name: string; value: string }[] {
  const entries: { name: string; value: string }[] = [];
  for (let i = 1; i < arrayText.length - 1; i++) {
    if (arrayText[i] !== '{') continue;
    const block = blockFrom(arrayText, i);
    const fields = objectEntries(block);
    const name = /^'([^']*)'$/.exec(fields.get('name') ?? '')?.[1];
    const value = fields.get('value');
    if (name === undefined || value === undefined) throw new Error(`not a name/value object: ${block}`);
    entries.push({ name, value });
    i += block.length - 1;
  }
  return entries;
}
