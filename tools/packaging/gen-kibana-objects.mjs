#!/usr/bin/env node
// Generates deploy/kibana/marsad.ndjson (Kibana 8.19 saved objects) from readable definitions:
//   node tools/packaging/gen-kibana-objects.mjs > deploy/kibana/marsad.ndjson
// The packaging test fails when the committed file and this generator disagree, and checks every
// field named here against the index mappings (libs/search/src/template.ts, the alerter's
// marsad-alerts mapping).
//
// Saved-object versions: coreMigrationVersion 8.8.0 and, per type, a typeMigrationVersion that
// Kibana 8.19 knows (index-pattern 8.0.0, search 8.0.0, lens 8.9.0, dashboard 8.7.0): on import
// Kibana migrates the documents forward from there. Ids are fixed so a re-import overwrites.

const CORE = '8.8.0';
const TYPE_VERSION = { 'index-pattern': '8.0.0', search: '8.0.0', lens: '8.9.0', dashboard: '8.7.0' };
const ARTICLES = 'marsad-articles-data-view';
const ALERTS = 'marsad-alerts-data-view';

function so(type, id, attributes, references = []) {
  return { attributes, coreMigrationVersion: CORE, id, managed: false, references, type, typeMigrationVersion: TYPE_VERSION[type] };
}

// ---------------------------------------------------------------------------------------------
// Data views
const dataViews = [
  so('index-pattern', ARTICLES, {
    allowHidden: false,
    fieldAttrs: JSON.stringify({
      actorNames: { customLabel: 'Actor' },
      actorIds: { customLabel: 'Actor id' },
      actorTypes: { customLabel: 'Actor type' },
      claimSpeakerIds: { customLabel: 'Claim speaker id' },
      'source.domain': { customLabel: 'Source domain' },
      language: { customLabel: 'Language' },
    }),
    fieldFormatMap: JSON.stringify({ url: { id: 'url', params: { labelTemplate: '{{value}}' } } }),
    fields: '[]',
    name: 'Marsad articles',
    runtimeFieldMap: '{}',
    sourceFilters: JSON.stringify([{ value: 'bodyNormalized' }, { value: 'titleNormalized' }]),
    timeFieldName: 'publishedAt',
    title: 'marsad-articles',
    typeMeta: '{}',
  }),
  so('index-pattern', ALERTS, {
    allowHidden: false,
    fieldAttrs: JSON.stringify({ latencyMs: { customLabel: 'Delivery latency (ms)' }, status: { customLabel: 'Delivery status' } }),
    fieldFormatMap: JSON.stringify({
      latencyMs: { id: 'duration', params: { inputFormat: 'milliseconds', outputFormat: 'humanizePrecise' } },
    }),
    fields: '[]',
    name: 'Marsad alerts (delivery log)',
    runtimeFieldMap: '{}',
    sourceFilters: '[]',
    // The alerter writes one document per delivery attempt with `attemptedAt` (apps/alerter/src/alert-log.ts).
    timeFieldName: 'attemptedAt',
    title: 'marsad-alerts',
    typeMeta: '{}',
  }),
];

// ---------------------------------------------------------------------------------------------
// Saved searches (Discover sessions)
const phraseFilter = (field, value, negate = false) => ({
  $state: { store: 'appState' },
  meta: {
    alias: null,
    disabled: false,
    indexRefName: 'kibanaSavedObjectMeta.searchSourceJSON.filter[0].meta.index',
    key: field,
    negate,
    params: { query: value },
    type: 'phrase',
  },
  query: { match_phrase: { [field]: value } },
});
const phrasesFilter = (field, values) => ({
  $state: { store: 'appState' },
  meta: {
    alias: 'watched actors (edit: GET /v1/watches)',
    disabled: false,
    indexRefName: 'kibanaSavedObjectMeta.searchSourceJSON.filter[1].meta.index',
    key: field,
    negate: false,
    params: values,
    type: 'phrases',
    value: values.join(', '),
  },
  query: { bool: { minimum_should_match: 1, should: values.map((v) => ({ match_phrase: { [field]: v } })) } },
});

function search(id, title, description, columns, query, filters = []) {
  const refs = [{ id: ARTICLES, name: 'kibanaSavedObjectMeta.searchSourceJSON.index', type: 'index-pattern' }];
  filters.forEach((f) => refs.push({ id: ARTICLES, name: f.meta.indexRefName, type: 'index-pattern' }));
  return so(
    'search',
    id,
    {
      columns,
      description,
      grid: {},
      hideChart: false,
      isTextBasedQuery: false,
      kibanaSavedObjectMeta: {
        searchSourceJSON: JSON.stringify({
          query: { query, language: 'kuery' },
          filter: filters,
          indexRefName: 'kibanaSavedObjectMeta.searchSourceJSON.index',
        }),
      },
      sort: [['publishedAt', 'desc']],
      timeRestore: false,
      title,
    },
    refs,
  );
}

const searches = [
  search(
    'marsad-search-articles-by-actor',
    'Marsad: articles by actor',
    'Articles with at least one recognised actor. Add a filter on actorIds (e.g. org:kaspersky-lab) or actorNames to follow one actor in any language or script.',
    ['title', 'actorNames', 'actorTypes', 'language', 'source.domain'],
    'actorIds : *',
  ),
  search(
    'marsad-search-claims-by-speaker',
    'Marsad: claims by speaker',
    'Articles carrying attributed claims, newest first. Filter on claimSpeakerIds to read what one speaker said; the claim texts are in the claims field of each document.',
    ['title', 'claimSpeakerIds', 'actorNames', 'language', 'source.domain'],
    'claimSpeakerIds : *',
  ),
  search(
    'marsad-search-arabic-watched-actors',
    'Marsad: Arabic articles mentioning a watched actor',
    'Arabic articles (language ar) mentioning one of the watched actors. The actor filter ships with the demo watch actors (org:kaspersky-lab, group:apt28): edit it to the actor ids of your watches (GET /v1/watches).',
    ['title', 'actorNames', 'source.domain', 'url'],
    'language : "ar"',
    [phraseFilter('language', 'ar'), phrasesFilter('actorIds', ['org:kaspersky-lab', 'group:apt28'])],
  ),
];

// ---------------------------------------------------------------------------------------------
// Lens visualisations (saved by reference; the dashboard embeds them as panels)
const col = {
  dateHistogram: (field) => ({
    label: field,
    dataType: 'date',
    operationType: 'date_histogram',
    sourceField: field,
    isBucketed: true,
    scale: 'interval',
    params: { interval: 'auto', includeEmptyRows: true, dropPartials: false },
  }),
  count: (label) => ({
    label,
    customLabel: true,
    dataType: 'number',
    operationType: 'count',
    sourceField: '___records___',
    isBucketed: false,
    scale: 'ratio',
    params: { emptyAsNull: true },
  }),
  terms: (field, size, orderColumn, label) => ({
    label: label ?? `Top ${size} values of ${field}`,
    ...(label ? { customLabel: true } : {}),
    dataType: 'string',
    operationType: 'terms',
    sourceField: field,
    isBucketed: true,
    scale: 'ordinal',
    params: {
      size,
      orderBy: { type: 'column', columnId: orderColumn },
      orderDirection: 'desc',
      otherBucket: false,
      missingBucket: false,
      parentFormat: { id: 'terms' },
      include: [],
      exclude: [],
      includeIsRegex: false,
      excludeIsRegex: false,
    },
  }),
  uniqueCount: (field, label) => ({
    label,
    customLabel: true,
    dataType: 'number',
    operationType: 'unique_count',
    sourceField: field,
    isBucketed: false,
    scale: 'ratio',
    params: { emptyAsNull: true },
  }),
  percentile: (field, p, label, filter) => ({
    label,
    customLabel: true,
    dataType: 'number',
    operationType: 'percentile',
    sourceField: field,
    isBucketed: false,
    scale: 'ratio',
    params: { percentile: p },
    ...(filter ? { filter } : {}),
  }),
  median: (field, label, filter) => ({
    label,
    customLabel: true,
    dataType: 'number',
    operationType: 'median',
    sourceField: field,
    isBucketed: false,
    scale: 'ratio',
    params: { emptyAsNull: true },
    ...(filter ? { filter } : {}),
  }),
};

function lens(id, title, description, dataView, visualizationType, columns, visualization, query = '') {
  const layerId = 'layer1';
  return so(
    'lens',
    id,
    {
      description,
      state: {
        adHocDataViews: {},
        datasourceStates: {
          formBased: { layers: { [layerId]: { columnOrder: Object.keys(columns), columns, incompleteColumns: {}, sampling: 1 } } },
        },
        filters: [],
        internalReferences: [],
        query: { language: 'kuery', query },
        visualization: visualization(layerId),
      },
      title,
      visualizationType,
    },
    [
      { id: dataView, name: 'indexpattern-datasource-current-indexpattern', type: 'index-pattern' },
      { id: dataView, name: `indexpattern-datasource-layer-${layerId}`, type: 'index-pattern' },
    ],
  );
}

const xyDefaults = {
  legend: { isVisible: true, position: 'right' },
  valueLabels: 'hide',
  fittingFunction: 'None',
  axisTitlesVisibilitySettings: { x: true, yLeft: true, yRight: true },
  tickLabelsVisibilitySettings: { x: true, yLeft: true, yRight: true },
  gridlinesVisibilitySettings: { x: true, yLeft: true, yRight: true },
  labelsOrientation: { x: 0, yLeft: 0, yRight: 0 },
  yLeftExtent: { mode: 'full' },
  yRightExtent: { mode: 'full' },
};

/** Horizontal bars of the 20 most frequent values of an articles field (one series: no legend). */
function topArticlesBar(id, title, description, { key, field, label }, countLabel) {
  return lens(
    id,
    title,
    description,
    ARTICLES,
    'lnsXY',
    { [key]: col.terms(field, 20, 'count', label), count: col.count(countLabel) },
    (layerId) => ({
      ...xyDefaults,
      legend: { isVisible: false, position: 'right' },
      preferredSeriesType: 'bar_horizontal',
      layers: [{ layerId, layerType: 'data', seriesType: 'bar_horizontal', xAccessor: key, accessors: ['count'] }],
    }),
  );
}

const delivered = { language: 'kuery', query: 'status : "delivered"' };

const visualisations = [
  lens(
    'marsad-lens-articles-by-language',
    'Articles over time by language',
    'Indexed articles per publication date, stacked by detected language (ISO 639-1, und = unknown).',
    ARTICLES,
    'lnsXY',
    { date: col.dateHistogram('publishedAt'), lang: col.terms('language', 10, 'count', 'Language'), count: col.count('Articles') },
    (layerId) => ({
      ...xyDefaults,
      preferredSeriesType: 'bar_stacked',
      layers: [{ layerId, layerType: 'data', seriesType: 'bar_stacked', xAccessor: 'date', splitAccessor: 'lang', accessors: ['count'] }],
    }),
  ),
  topArticlesBar(
    'marsad-lens-top-actors',
    'Top actors',
    'Actors mentioned in the most articles (canonical names: one actor whatever the script).',
    { key: 'actor', field: 'actorNames', label: 'Actor' },
    'Articles',
  ),
  topArticlesBar(
    'marsad-lens-top-claim-speakers',
    'Top claim speakers',
    'Speakers (actor ids) of the most attributed claims.',
    { key: 'speaker', field: 'claimSpeakerIds', label: 'Speaker' },
    'Articles with claims',
  ),
  lens(
    'marsad-lens-actor-cooccurrence',
    'Actor co-occurrence',
    'Articles in which two actors appear together (the diagonal is each actor alone).',
    ARTICLES,
    'lnsHeatmap',
    {
      actorX: col.terms('actorNames', 15, 'count', 'Actor'),
      actorY: col.terms('actorNames', 15, 'count', 'Co-occurring actor'),
      count: col.count('Articles'),
    },
    (layerId) => ({
      shape: 'heatmap',
      layerId,
      layerType: 'data',
      xAccessor: 'actorX',
      yAccessor: 'actorY',
      valueAccessor: 'count',
      legend: { isVisible: true, position: 'right', type: 'heatmap_legend' },
      gridConfig: {
        type: 'heatmap_grid',
        isCellLabelVisible: true,
        isYAxisLabelVisible: true,
        isXAxisLabelVisible: true,
        isYAxisTitleVisible: false,
        isXAxisTitleVisible: false,
      },
    }),
    'actorIds : *',
  ),
  lens(
    'marsad-lens-alerts-fired',
    'Alerts fired',
    'Distinct alerts per time bucket, by delivery status (one log document per attempt).',
    ALERTS,
    'lnsXY',
    {
      date: col.dateHistogram('attemptedAt'),
      status: col.terms('status', 5, 'alerts', 'Status'),
      alerts: col.uniqueCount('alertId', 'Alerts'),
    },
    (layerId) => ({
      ...xyDefaults,
      preferredSeriesType: 'bar_stacked',
      layers: [
        { layerId, layerType: 'data', seriesType: 'bar_stacked', xAccessor: 'date', splitAccessor: 'status', accessors: ['alerts'] },
      ],
    }),
  ),
  lens(
    'marsad-lens-delivery-latency',
    'Alert delivery latency',
    'From the article publication (else fetch) time to the delivered attempt: median and 95th percentile.',
    ALERTS,
    'lnsXY',
    {
      date: col.dateHistogram('attemptedAt'),
      p50: col.median('latencyMs', 'Median latency', delivered),
      p95: col.percentile('latencyMs', 95, '95th percentile latency', delivered),
    },
    (layerId) => ({
      ...xyDefaults,
      preferredSeriesType: 'line',
      layers: [{ layerId, layerType: 'data', seriesType: 'line', xAccessor: 'date', accessors: ['p50', 'p95'] }],
    }),
  ),
];

// ---------------------------------------------------------------------------------------------
// Dashboard
const layout = [
  ['marsad-lens-articles-by-language', 0, 0, 48, 14],
  ['marsad-lens-top-actors', 0, 14, 24, 16],
  ['marsad-lens-top-claim-speakers', 24, 14, 24, 16],
  ['marsad-lens-actor-cooccurrence', 0, 30, 48, 20],
  ['marsad-lens-alerts-fired', 0, 50, 24, 14],
  ['marsad-lens-delivery-latency', 24, 50, 24, 14],
];
const panels = layout.map(([, x, y, w, h], i) => {
  const panelIndex = `p${i + 1}`;
  return {
    type: 'lens',
    gridData: { x, y, w, h, i: panelIndex },
    panelIndex,
    embeddableConfig: { enhancements: {} },
    panelRefName: `panel_${panelIndex}`,
  };
});
const dashboard = so(
  'dashboard',
  'marsad-dashboard-overview',
  {
    description:
      'Marsad overview: articles by language, top actors and claim speakers, actor co-occurrence, alerts fired and delivery latency.',
    kibanaSavedObjectMeta: { searchSourceJSON: JSON.stringify({ query: { query: '', language: 'kuery' }, filter: [] }) },
    optionsJSON: JSON.stringify({ useMargins: true, syncColors: false, syncCursor: true, syncTooltips: false, hidePanelTitles: false }),
    panelsJSON: JSON.stringify(panels),
    refreshInterval: { pause: false, value: 60000 },
    timeFrom: 'now-30d',
    timeRestore: true,
    timeTo: 'now',
    title: 'Marsad overview',
    version: 1,
  },
  layout.map(([id], i) => ({ id, name: `p${i + 1}:panel_p${i + 1}`, type: 'lens' })),
);

const all = [...dataViews, ...searches, ...visualisations, dashboard];
export const savedObjects = all;
export const ndjson = all.map((o) => JSON.stringify(o)).join('\n') + '\n';

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) process.stdout.write(ndjson);
