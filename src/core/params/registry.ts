/**
 * Dated parameters. Every number the documents state, and every reading we
 * chose where the text allows several, is a parameter with versions by
 * effective date and a citation. `at(id, date)` answers "which value was in
 * force on D, and why".
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

import { parse as parseYaml } from 'yaml';

import { addDays, isIsoDate, type IsoDate } from '../dates.ts';
import { parsePercent, parseYuan } from '../money.ts';
import type {
  Citation,
  ParamDefinition,
  ParamOverride,
  ParamUnit,
  ParamValue,
  ParamVersion,
  PolicyDocument,
} from './types.ts';

const UNITS: ReadonlySet<string> = new Set<ParamUnit>([
  'yuan', 'percent', 'percentage_points', 'count', 'integer', 'days',
  'working_days', 'months', 'years', 'hours', 'date', 'time', 'boolean',
  'enum', 'text', 'list', 'table',
]);

export class ParamFileError extends Error {
  constructor(file: string, where: string, reason: string) {
    super(`${file}: ${where}: ${reason}`);
    this.name = 'ParamFileError';
  }
}

/** Convert a written value to the typed value rules use; undefined if bad. */
export function convertParamValue(
  unit: ParamUnit,
  raw: unknown,
  options?: string[],
): unknown {
  switch (unit) {
    case 'yuan':
      return parseYuan(String(raw));
    case 'percent':
    case 'percentage_points':
      return parsePercent(String(raw));
    case 'count':
    case 'integer':
    case 'days':
    case 'working_days':
    case 'months':
    case 'years':
    case 'hours': {
      const n = typeof raw === 'number' ? raw : Number(String(raw));
      return Number.isInteger(n) ? n : undefined;
    }
    case 'date':
      return isIsoDate(String(raw)) ? String(raw) : undefined;
    case 'boolean':
      if (raw === true || raw === 'true') return true;
      if (raw === false || raw === 'false') return false;
      return undefined;
    case 'enum':
      return options?.includes(String(raw)) ? String(raw) : undefined;
    case 'time':
      return /^\d{2}:\d{2}$/.test(String(raw)) ? String(raw) : undefined;
    case 'text':
      return typeof raw === 'string' ? raw : undefined;
    case 'list':
      return Array.isArray(raw) ? raw : undefined;
    case 'table':
      return raw !== null && typeof raw === 'object' ? raw : undefined;
  }
}

interface RawParam {
  label?: string;
  label_en?: string;
  unit?: string;
  article?: string;
  document?: string;
  reading?: boolean;
  options?: string[];
  source?: string;
  confirm?: string;
  description?: string;
  values?: Array<{
    from?: string;
    to?: string;
    value?: unknown;
    article?: string;
    document?: string;
    note?: string;
  }>;
}

export class ParamRegistry {
  readonly documents: ReadonlyMap<string, PolicyDocument>;
  private readonly definitions: Map<string, ParamDefinition>;

  constructor(
    documents: Map<string, PolicyDocument>,
    definitions: Map<string, ParamDefinition>,
  ) {
    this.documents = documents;
    this.definitions = definitions;
  }

  /** Load params/documents.yaml and every other YAML file below `dir`. */
  static load(dir: string): ParamRegistry {
    const documents = loadDocuments(join(dir, 'documents.yaml'));
    const definitions = new Map<string, ParamDefinition>();

    for (const file of listYaml(dir)) {
      const name = relative(dir, file);
      if (name === 'documents.yaml' || name.endsWith('articles.yaml')) continue;

      const parsed = parseYaml(readFileSync(file, 'utf8')) as {
        document?: string;
        parameters?: Record<string, RawParam>;
      };
      if (!parsed?.parameters) continue;

      for (const [id, raw] of Object.entries(parsed.parameters)) {
        if (definitions.has(id)) {
          throw new ParamFileError(name, id, 'defined twice');
        }
        definitions.set(
          id,
          buildDefinition(name, id, raw, parsed.document, documents),
        );
      }
    }
    return new ParamRegistry(documents, definitions);
  }

  has(id: string): boolean {
    return this.definitions.has(id);
  }

  definition(id: string): ParamDefinition | undefined {
    return this.definitions.get(id);
  }

  list(): ParamDefinition[] {
    return [...this.definitions.values()].sort((a, b) =>
      a.id.localeCompare(b.id),
    );
  }

  /** The version in force on `date`, or undefined if none was. */
  at<T = unknown>(id: string, date: IsoDate): ParamValue<T> | undefined {
    const definition = this.definitions.get(id);
    if (!definition) return undefined;

    const version = findVersion(definition.versions, date);
    if (!version) return undefined;

    return {
      id,
      value: version.value as T,
      version: version as ParamVersion<T>,
      definition,
    };
  }

  /**
   * A new registry in which each override replaces the value over its date
   * range (open ends extend to the first and last version). The original is
   * untouched, so a scenario never alters the baseline.
   */
  withOverrides(overrides: readonly ParamOverride[]): ParamRegistry {
    const definitions = new Map(this.definitions);

    for (const override of overrides) {
      const definition = definitions.get(override.id);
      if (!definition) {
        throw new RangeError(`unknown parameter ${override.id}`);
      }

      const value = convertParamValue(
        definition.unit,
        override.value,
        definition.options,
      );
      if (value === undefined) {
        throw new RangeError(
          `invalid value ${JSON.stringify(override.value)} for ${override.id} (${definition.unit})`,
        );
      }

      const from = override.from ?? '0001-01-01';
      const version: ParamVersion = {
        from,
        ...(override.to ? { to: override.to } : {}),
        value,
        raw: override.value,
        citation: definition.citation,
        override: override.label ?? 'override',
      };
      definitions.set(override.id, {
        ...definition,
        versions: spliceVersion(definition.versions, version),
      });
    }
    return new ParamRegistry(new Map(this.documents), definitions);
  }
}

function findVersion(
  versions: readonly ParamVersion[],
  date: IsoDate,
): ParamVersion | undefined {
  for (let i = versions.length - 1; i >= 0; i -= 1) {
    const version = versions[i]!;
    if (version.from <= date) {
      return !version.to || date <= version.to ? version : undefined;
    }
  }
  return undefined;
}

/** Insert `added` over [from, to], trimming the versions it overlaps. */
function spliceVersion(
  versions: readonly ParamVersion[],
  added: ParamVersion,
): ParamVersion[] {
  const result: ParamVersion[] = [];
  const end = added.to;

  for (const version of versions) {
    const vEnd = version.to;
    if (version.from < added.from) {
      const cut = addDays(added.from, -1);
      result.push(
        vEnd && vEnd < added.from ? version : { ...version, to: cut },
      );
    }
    if (end && (!vEnd || vEnd > end)) {
      const start = addDays(end, 1);
      if (version.from <= end) result.push({ ...version, from: start });
      else result.push(version);
    }
  }
  result.push(added);
  return result.sort((a, b) => a.from.localeCompare(b.from));
}

function listYaml(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) files.push(...listYaml(path));
    else if (entry.endsWith('.yaml') || entry.endsWith('.yml')) files.push(path);
  }
  return files;
}

function loadDocuments(file: string): Map<string, PolicyDocument> {
  const parsed = parseYaml(readFileSync(file, 'utf8')) as {
    documents: Record<string, Omit<PolicyDocument, 'id'> & { in_force?: string }>;
  };
  const documents = new Map<string, PolicyDocument>();
  for (const [id, doc] of Object.entries(parsed.documents)) {
    documents.set(id, {
      id,
      number: doc.number,
      title: doc.title,
      bulletin: doc.bulletin,
      ...(doc.issued ? { issued: String(doc.issued) } : {}),
      ...(doc.in_force ? { inForce: String(doc.in_force) } : {}),
      ...(doc.repeals ? { repeals: doc.repeals } : {}),
      ...(doc.url ? { url: doc.url } : {}),
    });
  }
  return documents;
}

function cite(
  file: string,
  where: string,
  documents: Map<string, PolicyDocument>,
  document: string | undefined,
  article: string | undefined,
): Citation {
  if (!document || !documents.has(document)) {
    throw new ParamFileError(file, where, `unknown document ${document}`);
  }
  if (!article) throw new ParamFileError(file, where, 'no article cited');

  const doc = documents.get(document)!;
  return {
    document,
    number: doc.number,
    article,
    ...(doc.url ? { url: doc.url } : {}),
  };
}

function buildDefinition(
  file: string,
  id: string,
  raw: RawParam,
  fileDocument: string | undefined,
  documents: Map<string, PolicyDocument>,
): ParamDefinition {
  if (!raw.label) throw new ParamFileError(file, id, 'no label');
  if (!raw.unit || !UNITS.has(raw.unit)) {
    throw new ParamFileError(file, id, `unknown unit ${raw.unit}`);
  }
  if (!raw.values?.length) throw new ParamFileError(file, id, 'no values');

  const unit = raw.unit as ParamUnit;
  const document = raw.document ?? fileDocument;
  const citation = cite(file, id, documents, document, raw.article);
  const versions: ParamVersion[] = [];

  for (const [index, entry] of raw.values.entries()) {
    const where = `${id}.values[${index}]`;
    const from = String(entry.from ?? '');
    if (!isIsoDate(from)) throw new ParamFileError(file, where, 'bad from date');

    const value = convertParamValue(unit, entry.value, raw.options);
    if (value === undefined) {
      throw new ParamFileError(file, where, `bad ${unit} value ${JSON.stringify(entry.value)}`);
    }

    const versionCitation =
      entry.article || entry.document
        ? cite(file, where, documents, entry.document ?? document, entry.article ?? raw.article)
        : citation;
    const to = entry.to === undefined ? undefined : String(entry.to);
    if (to !== undefined && (!isIsoDate(to) || to < from)) {
      throw new ParamFileError(file, where, 'bad to date');
    }
    versions.push({
      from,
      ...(to ? { to } : {}),
      value,
      raw: entry.value,
      citation: versionCitation,
      ...(entry.note ? { note: entry.note } : {}),
    });
  }

  versions.sort((a, b) => a.from.localeCompare(b.from));
  for (let i = 0; i + 1 < versions.length; i += 1) {
    if (versions[i]!.from === versions[i + 1]!.from) {
      throw new ParamFileError(file, id, `two versions from ${versions[i]!.from}`);
    }
    const next = addDays(versions[i + 1]!.from, -1);
    const own = versions[i]!.to;
    versions[i] = { ...versions[i]!, to: own && own < next ? own : next };
  }

  return {
    id,
    label: raw.label,
    unit,
    citation,
    versions,
    file,
    ...(raw.label_en ? { labelEn: raw.label_en } : {}),
    ...(raw.reading ? { reading: true } : {}),
    ...(raw.options ? { options: raw.options } : {}),
    ...(raw.source ? { source: raw.source } : {}),
    ...(raw.confirm ? { confirm: raw.confirm } : {}),
    ...(raw.description ? { description: raw.description } : {}),
  };
}
