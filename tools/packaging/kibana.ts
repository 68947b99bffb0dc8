/** Kibana saved objects: structure, references, and every field against the index mappings. */
import { type Json } from './common';
// ================================================================================================
// Kibana saved objects
// ================================================================================================

export interface FieldInfo {
  type: string;
  /** Under a `nested` field: Kibana visualisations cannot aggregate it. */
  nested: boolean;
}

/** Flattens an ES mapping to dotted field names (`source.domain`, `actors.id`). */
export function flattenMapping(
  mapping: Json,
  prefix = '',
  nested = false,
  out: Map<string, FieldInfo> = new Map(),
): Map<string, FieldInfo> {
  for (const [name, def] of Object.entries<Json>(mapping?.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    const type = def.type ?? 'object';
    if (def.enabled === false || def.index === false) {
      out.set(path, { type: 'unsearchable', nested });
      continue;
    }
    if (def.properties) {
      out.set(path, { type, nested });
      flattenMapping(def, path, nested || type === 'nested', out);
    } else out.set(path, { type, nested });
  }
  return out;
}

const AGGREGATABLE = new Set([
  'keyword',
  'date',
  'integer',
  'long',
  'float',
  'double',
  'short',
  'byte',
  'half_float',
  'scaled_float',
  'boolean',
  'ip',
]);
const NUMERIC = new Set(['integer', 'long', 'float', 'double', 'short', 'byte', 'half_float', 'scaled_float']);
const SEARCHABLE = new Set([...AGGREGATABLE, 'text']);

/** Field names used in a KQL query (`a : x and b.c : "y"`); quoted strings are ignored. */
export function kqlFields(query: string): string[] {
  const stripped = query.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  return [...stripped.matchAll(/([A-Za-z_@][\w.@]*)\s*(?::|<=|>=|<|>)/g)].map((m) => m[1]).filter((f) => !/^(and|or|not)$/i.test(f));
}

export interface SavedObjectsInputs {
  ndjson: string;
  /** data view title -> mapping */
  mappings: Record<string, Json>;
}

const SO_TYPES = new Set(['index-pattern', 'search', 'lens', 'visualization', 'dashboard']);

/**
 * Attribute names Kibana 8.19 accepts per type (its saved-object schemas, e.g. the saved search
 * model versions): an unknown attribute makes the import fail, so it is caught here first.
 */
const SO_ATTRIBUTES: Record<string, string[]> = {
  'index-pattern': [
    'title',
    'name',
    'type',
    'typeMeta',
    'timeFieldName',
    'intervalName',
    'sourceFilters',
    'fields',
    'fieldFormatMap',
    'fieldAttrs',
    'runtimeFieldMap',
    'allowNoIndex',
    'allowHidden',
  ],
  search: [
    'title',
    'description',
    'columns',
    'sort',
    'grid',
    'rowHeight',
    'rowsPerPage',
    'headerRowHeight',
    'hideChart',
    'breakdownField',
    'kibanaSavedObjectMeta',
    'isTextBasedQuery',
    'usesAdHocDataView',
    'timeRestore',
    'timeRange',
    'refreshInterval',
    'viewMode',
    'hideAggregatedPreview',
    'hits',
    'version',
    'sampleSize',
    'visContext',
    'density',
  ],
  lens: ['title', 'description', 'visualizationType', 'state', 'expression'],
  visualization: ['title', 'description', 'visState', 'uiStateJSON', 'kibanaSavedObjectMeta', 'savedSearchRefName', 'version'],
  dashboard: [
    'title',
    'description',
    'hits',
    'kibanaSavedObjectMeta',
    'optionsJSON',
    'panelsJSON',
    'refreshInterval',
    'timeFrom',
    'timeRestore',
    'timeTo',
    'version',
    'controlGroupInput',
  ],
};

export function validateSavedObjects({ ndjson, mappings }: SavedObjectsInputs): string[] {
  const errors: string[] = [];
  const objects: Json[] = [];
  ndjson.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      objects.push(JSON.parse(line));
    } catch (err) {
      errors.push(`line ${i + 1}: not JSON (${(err as Error).message})`);
    }
  });
  const key = (type: string, id: string) => `${type}:${id}`;
  const byKey = new Map(objects.map((o) => [key(o.type, o.id), o]));
  if (byKey.size !== objects.length) errors.push('duplicate type:id in the file');
  const fieldsOf = new Map<string, Map<string, FieldInfo>>();
  for (const o of objects) {
    if (o.type !== 'index-pattern') continue;
    const mapping = mappings[o.attributes?.title];
    if (!mapping)
      errors.push(
        `index-pattern ${o.id}: title "${o.attributes?.title}" is not one of the Marsad indices (${Object.keys(mappings).join(', ')})`,
      );
    else fieldsOf.set(o.id, flattenMapping(mapping));
  }
  const semver = /^\d+\.\d+\.\d+$/;
  for (const o of objects) {
    const id = `${o.type} ${o.id}`;
    if (!SO_TYPES.has(o.type)) errors.push(`${id}: unexpected type`);
    if (typeof o.id !== 'string' || !o.id) errors.push(`${o.type}: missing id`);
    if (!o.attributes || typeof o.attributes !== 'object') errors.push(`${id}: missing attributes`);
    if (!Array.isArray(o.references)) errors.push(`${id}: references must be an array`);
    if (!semver.test(o.coreMigrationVersion ?? '')) errors.push(`${id}: coreMigrationVersion missing or not x.y.z`);
    if (!semver.test(o.typeMigrationVersion ?? '')) errors.push(`${id}: typeMigrationVersion missing or not x.y.z`);
    if (o.type !== 'index-pattern' && !o.attributes?.title) errors.push(`${id}: no title`);
    for (const k of Object.keys(o.attributes ?? {}))
      if (SO_ATTRIBUTES[o.type] && !SO_ATTRIBUTES[o.type].includes(k))
        errors.push(`${id}: unknown attribute "${k}" (Kibana rejects the import)`);
    for (const r of o.references ?? []) {
      if (!byKey.has(key(r.type, r.id))) errors.push(`${id}: reference ${r.name} -> ${r.type}/${r.id} is not in the file`);
    }
    const refNamed = (name: string) => (o.references ?? []).find((r: Json) => r.name === name);
    const fieldCheck = (
      dataViewId: string | undefined,
      field: string,
      where: string,
      need: 'exists' | 'aggregatable' | 'date' | 'numeric' | 'searchable' = 'exists',
    ) => {
      const fields = dataViewId ? fieldsOf.get(dataViewId) : undefined;
      if (!fields) {
        errors.push(`${id}: ${where}: no data view to resolve field "${field}"`);
        return;
      }
      const f = fields.get(field);
      const title = byKey.get(key('index-pattern', dataViewId!))?.attributes?.title;
      if (!f) return void errors.push(`${id}: ${where}: field "${field}" is not in the ${title} mapping`);
      if (need === 'aggregatable' && (!AGGREGATABLE.has(f.type) || f.nested))
        errors.push(`${id}: ${where}: field "${field}" (${f.nested ? 'nested ' : ''}${f.type}) cannot be aggregated in Kibana`);
      if (need === 'date' && f.type !== 'date') errors.push(`${id}: ${where}: field "${field}" is ${f.type}, not a date`);
      if (need === 'numeric' && !NUMERIC.has(f.type)) errors.push(`${id}: ${where}: field "${field}" is ${f.type}, not numeric`);
      if (need === 'searchable' && !SEARCHABLE.has(f.type)) errors.push(`${id}: ${where}: field "${field}" (${f.type}) is not searchable`);
    };
    const a = o.attributes ?? {};
    if (o.type === 'index-pattern') {
      const parseJsonAttr = (name: string): Json => {
        try {
          return a[name] ? JSON.parse(a[name]) : undefined;
        } catch {
          errors.push(`${id}: attribute ${name} is not JSON`);
          return undefined;
        }
      };
      if (a.timeFieldName) fieldCheck(o.id, a.timeFieldName, 'timeFieldName', 'date');
      for (const f of Object.keys(parseJsonAttr('fieldAttrs') ?? {})) fieldCheck(o.id, f, 'fieldAttrs');
      for (const f of Object.keys(parseJsonAttr('fieldFormatMap') ?? {})) fieldCheck(o.id, f, 'fieldFormatMap');
      for (const sf of parseJsonAttr('sourceFilters') ?? []) fieldCheck(o.id, sf.value, 'sourceFilters');
      for (const n of ['fields', 'runtimeFieldMap']) parseJsonAttr(n);
    }
    if (o.type === 'search') {
      let ss: Json;
      try {
        ss = JSON.parse(a.kibanaSavedObjectMeta?.searchSourceJSON ?? '');
      } catch {
        errors.push(`${id}: kibanaSavedObjectMeta.searchSourceJSON is not JSON`);
        continue;
      }
      const dv = refNamed(ss.indexRefName ?? '')?.id;
      if (!dv) errors.push(`${id}: searchSourceJSON.indexRefName ${ss.indexRefName} has no reference`);
      for (const c of a.columns ?? []) fieldCheck(dv, c, 'columns');
      for (const s of a.sort ?? []) fieldCheck(dv, s[0], 'sort', 'aggregatable');
      for (const f of kqlFields(ss.query?.query ?? '')) fieldCheck(dv, f, 'query', 'searchable');
      for (const [i, flt] of (ss.filter ?? []).entries()) {
        const fdv = flt.meta?.indexRefName ? refNamed(flt.meta.indexRefName)?.id : dv;
        if (flt.meta?.indexRefName && !fdv) errors.push(`${id}: filter ${i} indexRefName ${flt.meta.indexRefName} has no reference`);
        if (flt.meta?.key) fieldCheck(fdv, flt.meta.key, `filter ${i}`, 'searchable');
        const qfields = Object.values<Json>(flt.query ?? {}).flatMap((q: Json) => (q && typeof q === 'object' ? Object.keys(q) : []));
        for (const qf of qfields.filter((f) => !['should', 'must', 'filter', 'must_not', 'minimum_should_match'].includes(f)))
          fieldCheck(fdv, qf, `filter ${i} query`, 'searchable');
        for (const s of flt.query?.bool?.should ?? [])
          for (const qf of Object.keys(Object.values<Json>(s)[0] ?? {})) fieldCheck(fdv, qf, `filter ${i} query`, 'searchable');
      }
    }
    if (o.type === 'lens') {
      const layers = a.state?.datasourceStates?.formBased?.layers ?? a.state?.datasourceStates?.indexpattern?.layers;
      if (!layers || !Object.keys(layers).length) errors.push(`${id}: no formBased layers`);
      for (const [layerId, layer] of Object.entries<Json>(layers ?? {})) {
        const dv = refNamed(`indexpattern-datasource-layer-${layerId}`)?.id;
        if (!dv) errors.push(`${id}: layer ${layerId} has no indexpattern-datasource-layer reference`);
        const cols = layer.columns ?? {};
        for (const cid of layer.columnOrder ?? []) if (!cols[cid]) errors.push(`${id}: columnOrder names missing column ${cid}`);
        for (const [cid, col] of Object.entries<Json>(cols)) {
          const where = `layer ${layerId} column ${cid} (${col.operationType})`;
          if (col.sourceField && col.sourceField !== '___records___') {
            const need =
              col.operationType === 'date_histogram'
                ? 'date'
                : ['sum', 'average', 'median', 'percentile', 'min', 'max', 'standard_deviation'].includes(col.operationType)
                  ? 'numeric'
                  : 'aggregatable';
            fieldCheck(dv, col.sourceField, where, need);
          } else if (col.operationType !== 'count' && !['formula', 'math', 'static_value'].includes(col.operationType))
            errors.push(`${id}: ${where} has no sourceField`);
          if (col.filter?.query) for (const f of kqlFields(col.filter.query)) fieldCheck(dv, f, `${where} filter`, 'searchable');
          if (col.params?.orderBy?.type === 'column' && !cols[col.params.orderBy.columnId])
            errors.push(`${id}: ${where} orders by missing column ${col.params.orderBy.columnId}`);
        }
        // Every accessor the visualisation names is a column of this layer.
        const vis = a.state?.visualization ?? {};
        const visLayers = Array.isArray(vis.layers)
          ? vis.layers.filter((l: Json) => l.layerId === layerId)
          : vis.layerId === layerId
            ? [vis]
            : [];
        if (!visLayers.length) errors.push(`${id}: visualization has no layer ${layerId}`);
        for (const vl of visLayers) {
          const accessors = [
            vl.xAccessor,
            vl.yAccessor,
            vl.splitAccessor,
            vl.valueAccessor,
            vl.metricAccessor,
            ...(vl.accessors ?? []),
          ].filter(Boolean);
          for (const acc of accessors)
            if (!cols[acc]) errors.push(`${id}: visualization accessor ${acc} is not a column of layer ${layerId}`);
        }
      }
      for (const f of kqlFields(a.state?.query?.query ?? ''))
        fieldCheck(refNamed(`indexpattern-datasource-layer-${Object.keys(layers ?? {})[0]}`)?.id, f, 'query', 'searchable');
    }
    if (o.type === 'dashboard') {
      let panels: Json[] = [];
      try {
        panels = JSON.parse(a.panelsJSON ?? '[]');
      } catch {
        errors.push(`${id}: panelsJSON is not JSON`);
      }
      if (!panels.length) errors.push(`${id}: no panels`);
      const indices = new Set<string>();
      for (const p of panels) {
        if (!p.gridData || !p.panelIndex) errors.push(`${id}: panel without gridData/panelIndex`);
        if (indices.has(p.panelIndex)) errors.push(`${id}: duplicate panelIndex ${p.panelIndex}`);
        indices.add(p.panelIndex);
        if (p.gridData && (p.gridData.x < 0 || p.gridData.w < 1 || p.gridData.x + p.gridData.w > 48))
          errors.push(`${id}: panel ${p.panelIndex} does not fit the 48-column grid`);
        if (p.panelRefName && !refNamed(`${p.panelIndex}:${p.panelRefName}`))
          errors.push(`${id}: panel ${p.panelIndex} reference ${p.panelIndex}:${p.panelRefName} missing`);
        if (!p.panelRefName && !p.embeddableConfig?.attributes)
          errors.push(`${id}: panel ${p.panelIndex} is neither by reference nor by value`);
      }
      try {
        JSON.parse(a.optionsJSON ?? '{}');
        JSON.parse(a.kibanaSavedObjectMeta?.searchSourceJSON ?? '{}');
      } catch {
        errors.push(`${id}: optionsJSON or searchSourceJSON is not JSON`);
      }
    }
  }
  return errors;
}
