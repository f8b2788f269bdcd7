// A rasteriser thread (piscina worker, see lib/export/rasterize.ts): SVG → PNG with resvg, the
// rendering and the PNG encoding both off the server's event loop. Plain JavaScript: it is loaded
// by path at run time, outside the Next.js bundle.
import { createRequire } from "node:module";

const { Resvg } = createRequire(import.meta.url)("@resvg/resvg-js");

export default function rasterize({ svg, options }) {
  const png = new Resvg(svg, options).render().asPng();
  return png;
}
