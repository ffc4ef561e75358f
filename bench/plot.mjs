// Hand-written SVG for bench/results.svg: median wall time against spec size,
// one series per tool, log-log axes. Points where a tool failed are left out.

const COLORS = ['#d62728', '#ff9896', '#7f7f7f', '#1f77b4', '#2ca02c', '#9467bd'];
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * @param {{ title: string, subtitle?: string, series: { name: string, dashed?: boolean, points: { x: number, y: number, label?: string }[] }[] }} chart
 *   x: spec size in bytes, y: seconds.
 */
export function plotSvg({ title, subtitle, series }) {
  const W = 760;
  const H = 480;
  const m = { left: 70, right: 200, top: 62, bottom: 78 };
  const pw = W - m.left - m.right;
  const ph = H - m.top - m.bottom;
  const all = series.flatMap((s) => s.points);
  if (!all.length) return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="80"><text x="10" y="40">no data</text></svg>\n`;
  const decades = (lo, hi) => [Math.floor(Math.log10(lo)), Math.ceil(Math.log10(hi))];
  const [x0, x1] = decades(Math.min(...all.map((p) => p.x)), Math.max(...all.map((p) => p.x)));
  const [y0, y1raw] = decades(Math.min(...all.map((p) => p.y)), Math.max(...all.map((p) => p.y)));
  const y1 = Math.max(y1raw, y0 + 1);
  const sx = (x) => m.left + ((Math.log10(x) - x0) / (x1 - x0)) * pw;
  const sy = (y) => m.top + ph - ((Math.log10(y) - y0) / (y1 - y0)) * ph;
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  out.push(`<text x="${m.left}" y="22" font-size="15" font-weight="bold">${esc(title)}</text>`);
  if (subtitle) out.push(`<text x="${m.left}" y="39" fill="#555">${esc(subtitle)}</text>`);
  // Grid at 1-2-5 per decade; x labels at decades only (they would overlap).
  const sizeLabel = (b) => (b >= 1e6 ? `${b / 1e6} MB` : b >= 1e3 ? `${b / 1e3} kB` : `${b} B`);
  const secLabel = (s) => (s >= 1 ? `${s} s` : `${Math.round(s * 1000)} ms`);
  for (let d = x0; d <= x1; d++) {
    for (const k of [1, 2, 5]) {
      const v = k * 10 ** d;
      if (Math.log10(v) > x1 + 1e-9) continue;
      const x = sx(v).toFixed(1);
      out.push(`<line x1="${x}" y1="${m.top}" x2="${x}" y2="${m.top + ph}" stroke="${k === 1 ? '#ccc' : '#eee'}"/>`);
      if (k === 1) out.push(`<text x="${x}" y="${m.top + ph + 16}" text-anchor="middle" fill="#333">${sizeLabel(v)}</text>`);
    }
  }
  for (let d = y0; d <= y1; d++) {
    for (const k of [1, 2, 5]) {
      const v = k * 10 ** d;
      if (Math.log10(v) > y1 + 1e-9) continue;
      const y = sy(v).toFixed(1);
      out.push(`<line x1="${m.left}" y1="${y}" x2="${m.left + pw}" y2="${y}" stroke="${k === 1 ? '#ccc' : '#eee'}"/>`);
      out.push(`<text x="${m.left - 6}" y="${(Number(y) + 4).toFixed(1)}" text-anchor="end" fill="#333">${secLabel(Number(v.toPrecision(3)))}</text>`);
    }
  }
  out.push(`<rect x="${m.left}" y="${m.top}" width="${pw}" height="${ph}" fill="none" stroke="#333"/>`);
  out.push(`<text x="${m.left + pw / 2}" y="${m.top + ph + 34}" text-anchor="middle">spec size (bytes of the input file(s), log)</text>`);
  out.push(`<text transform="translate(18 ${m.top + ph / 2}) rotate(-90)" text-anchor="middle">median wall time, whole process (log)</text>`);
  series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length];
    const pts = [...s.points].sort((a, b) => a.x - b.x);
    if (pts.length > 1) {
      out.push(`<polyline fill="none" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''} points="${pts.map((p) => `${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ')}"/>`);
    }
    for (const p of pts) {
      out.push(`<circle cx="${sx(p.x).toFixed(1)}" cy="${sy(p.y).toFixed(1)}" r="4" fill="${color}"><title>${esc(`${s.name}: ${p.label ?? ''} ${p.y.toFixed(2)} s`)}</title></circle>`);
    }
    const ly = m.top + 10 + i * 20;
    out.push(`<line x1="${m.left + pw + 14}" y1="${ly}" x2="${m.left + pw + 34}" y2="${ly}" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    out.push(`<circle cx="${m.left + pw + 24}" cy="${ly}" r="4" fill="${color}"/>`);
    out.push(`<text x="${m.left + pw + 40}" y="${ly + 4}">${esc(s.name)}</text>`);
  });
  // The inputs, by size, under the axis title (names over the points would collide).
  const seen = new Map();
  for (const p of all) if (p.label && !seen.has(p.label)) seen.set(p.label, p.x);
  const inputs = [...seen].sort((a, b) => a[1] - b[1]).map(([label, x]) => `${label} ${sizeLabel(Number(x.toPrecision(2)))}`);
  out.push(`<text x="${m.left}" y="${H - 12}" font-size="11" fill="#555">inputs: ${esc(inputs.join(', '))}</text>`);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
