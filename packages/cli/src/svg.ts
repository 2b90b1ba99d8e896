// The report charts, one file each in ./charts. This module keeps the names reports import.
export { barChart, type ChartScale } from "./charts/bars";
export { radarChart } from "./charts/radar";
export { hiddenLabels, keyItem, markerSvg, round, SERIES_COLOURS, SERIES_DASHES, SERIES_MARKERS, seriesStyle, type ChartLabels, type MarkerShape, type Series } from "./charts/shared";
export { timelineChart, type TimelineEvent, type TimelineKindStyle, type TimelineOptions, type TimelineRow } from "./charts/timeline";
