/**
 * The latency-vs-size chart of bench/growth.ts as hand-written SVG: log-scale axes,
 * x = articles in the database (with its size on disk), y = latency in ms.
 */

export interface ChartSeries {
  name: string;
  color: string;
  dashed?: boolean;
  points: { x: number; y: number }[];
}

export interface ChartInput {
  title: string;
  subtitle: string;
  xTicks: { value: number; label: string; sublabel?: string }[];
  series: ChartSeries[];
}

const WIDTH = 760;
const HEIGHT = 460;
const MARGIN = { left: 70, right: 220, top: 60, bottom: 70 };

const escapeXml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

const fmt = (n: number): string => (Math.round(n * 10) / 10).toString();

function yTickLabel(value: number): string {
  if (value >= 1) return `${value}`;
  return value.toString();
}

export function renderChart(input: ChartInput): string {
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const xs = input.xTicks.map((t) => t.value);
  const ys = input.series.flatMap((s) => s.points.map((p) => p.y)).filter((y) => y > 0 && Number.isFinite(y));
  const xMin = Math.log10(Math.min(...xs)) - 0.15;
  const xMax = Math.log10(Math.max(...xs)) + 0.15;
  const yMin = Math.floor(Math.log10(Math.min(...ys, 1)));
  const yMax = Math.ceil(Math.log10(Math.max(...ys, 10)));
  const px = (x: number) => MARGIN.left + ((Math.log10(x) - xMin) / (xMax - xMin)) * plotW;
  const py = (y: number) => MARGIN.top + plotH - ((Math.log10(y) - yMin) / (yMax - yMin)) * plotH;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">`,
    `<title>${escapeXml(input.title)}</title>`,
    `<rect x="0" y="0" width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${MARGIN.left}" y="24" font-size="16" font-weight="600" fill="#111">${escapeXml(input.title)}</text>`,
    `<text x="${MARGIN.left}" y="42" fill="#555">${escapeXml(input.subtitle)}</text>`,
  );
  // y grid: decades and 2×, 5× within them.
  for (let decade = yMin; decade <= yMax; decade += 1) {
    for (const m of [1, 2, 5]) {
      const value = m * 10 ** decade;
      if (Math.log10(value) > yMax + 1e-9) continue;
      const y = py(value);
      const major = m === 1;
      out.push(
        `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${fmt(y)}" y2="${fmt(y)}" stroke="${major ? '#ccc' : '#eee'}"/>`,
      );
      out.push(
        `<text x="${MARGIN.left - 8}" y="${fmt(y + 4)}" text-anchor="end" fill="${major ? '#333' : '#888'}">${yTickLabel(Number(value.toPrecision(2)))}</text>`,
      );
    }
  }
  for (const tick of input.xTicks) {
    const x = px(tick.value);
    out.push(
      `<line x1="${fmt(x)}" x2="${fmt(x)}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="#eee"/>`,
      `<text x="${fmt(x)}" y="${MARGIN.top + plotH + 18}" text-anchor="middle" fill="#333">${escapeXml(tick.label)}</text>`,
    );
    if (tick.sublabel) {
      out.push(
        `<text x="${fmt(x)}" y="${MARGIN.top + plotH + 33}" text-anchor="middle" fill="#777">${escapeXml(tick.sublabel)}</text>`,
      );
    }
  }
  out.push(
    `<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#333"/>`,
    `<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 14}" text-anchor="middle" fill="#111">articles in the database (size on disk), log scale</text>`,
    `<text transform="translate(18 ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle" fill="#111">latency, ms (log scale)</text>`,
  );
  input.series.forEach((series, index) => {
    const points = series.points.filter((p) => p.y > 0 && Number.isFinite(p.y));
    const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${fmt(px(p.x))} ${fmt(py(p.y))}`).join(' ');
    const dash = series.dashed ? ' stroke-dasharray="6 4"' : '';
    out.push(`<g><title>${escapeXml(series.name)}</title>`);
    if (points.length > 1) {
      out.push(`<path d="${path}" fill="none" stroke="${series.color}" stroke-width="2"${dash}/>`);
    }
    for (const p of points) {
      out.push(
        `<circle cx="${fmt(px(p.x))}" cy="${fmt(py(p.y))}" r="3.5" fill="${series.color}"><title>${escapeXml(`${series.name}: ${p.y.toFixed(2)} ms`)}</title></circle>`,
      );
    }
    out.push('</g>');
    const ly = MARGIN.top + 10 + index * 22;
    const lx = MARGIN.left + plotW + 16;
    out.push(
      `<line x1="${lx}" x2="${lx + 24}" y1="${ly}" y2="${ly}" stroke="${series.color}" stroke-width="2"${dash}/>`,
      `<circle cx="${lx + 12}" cy="${ly}" r="3.5" fill="${series.color}"/>`,
      `<text x="${lx + 32}" y="${ly + 4}" fill="#111">${escapeXml(series.name)}</text>`,
    );
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
