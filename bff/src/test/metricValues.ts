import { metricsRegistry } from '../metrics/metrics';

type Labels = Record<string, string>;

const matches = (labels: Record<string, string | number | undefined>, wanted: Labels): boolean =>
  Object.entries(wanted).every(([key, value]) => String(labels[key]) === value);

/** A counter's or gauge's value summed over the series whose labels include `labels`. */
export async function metricValue(name: string, labels: Labels = {}): Promise<number> {
  const metric = metricsRegistry.getSingleMetric(name);
  if (!metric) throw new Error(`no metric ${name}`);
  const { values } = await metric.get();
  return values.filter((value) => matches(value.labels, labels)).reduce((sum, value) => sum + value.value, 0);
}

/** How many observations a histogram holds for the series whose labels include `labels`. */
export async function observations(name: string, labels: Labels = {}): Promise<number> {
  const metric = metricsRegistry.getSingleMetric(name);
  if (!metric) throw new Error(`no metric ${name}`);
  const { values } = await metric.get();
  return values
    .filter((value) => 'metricName' in value && value.metricName === `${name}_count` && matches(value.labels, labels))
    .reduce((sum, value) => sum + value.value, 0);
}
