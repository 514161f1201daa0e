// Series colours: the Okabe–Ito palette (distinguishable with colour-vision deficiencies),
// dark enough on white for lines and bars.
export const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999933"];
export const seriesColor = (i: number) => PALETTE[i % PALETTE.length];
