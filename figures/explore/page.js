// optviz explorable page: decodes the arrays optim_core computed and draws them. No optimizer maths here:
// every point, value and rate is looked up in the embedded data.
"use strict";
(function () {
  const DATA = JSON.parse(document.getElementById("optviz-data").textContent);
  const M = DATA.messages;
  const $ = (id) => document.getElementById(id);
  const css = getComputedStyle(document.documentElement);
  const color = (name) => css.getPropertyValue(name).trim();
  const THEME = { bg: color("--bg"), fg: color("--fg"), muted: color("--muted"), axis: color("--axis") };
  const FAINT = Number(color("--faint"));
  const FONT = css.getPropertyValue("--font").trim() + ', "DejaVu Sans", "Noto Sans CJK JP", sans-serif';
  const STEP_MS = 70; // playback: one step per 70 ms
  const timings = { firstDrawMs: null, lastRedrawMs: null, lastResponseMs: null, redraws: 0 };

  // ---- data ----------------------------------------------------------------------------------------------
  function bytes(base64) {
    const text = atob(base64);
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
    return out;
  }
  const float32 = (base64) => new Float32Array(bytes(base64).buffer);
  const int32 = (base64) => new Int32Array(bytes(base64).buffer);

  // Packed rows: each row's stored length and offset, where it diverged (-1: never), its points and values.
  const rows = (r) => ({
    length: int32(r.length),
    offset: int32(r.offset),
    divergedAt: int32(r.diverged_at),
    xy: float32(r.xy),
    f: float32(r.f),
  });

  // A function's arrays are decoded the first time it is shown.
  function decoded(fn) {
    if (fn.decoded) return fn;
    for (const name of Object.keys(fn.runs)) fn.runs[name] = { ...rows(fn.runs[name]), defaultLr: fn.runs[name].default_lr };
    if (fn.noisy) {
      const optimizers = fn.noisy.optimizers;
      for (const name of Object.keys(optimizers)) optimizers[name] = { ...rows(optimizers[name]), lrs: optimizers[name].lrs };
    }
    fn.contours = fn.contours.map((c) => ({ color: c.color, xy: float32(c.xy) }));
    if (fn.rate_map) {
      const m = fn.rate_map;
      m.cellsArr = bytes(m.cells);
      m.atGrid = float32(m.at_grid);
      m.edge = m.boundary ? float32(m.boundary) : new Float32Array(0);
    }
    fn.decoded = true;
    return fn;
  }

  const OPTIMIZERS = Object.fromEntries(DATA.optimizers.map((o) => [o.name, o]));
  const BATCH = DATA.batch; // the batch slider's sizes, smallest first; the last is the full batch
  const FULL = BATCH.values.length - 1;
  const RATE_COLORS = bytes(DATA.rate_colors);

  // ---- words and numbers ---------------------------------------------------------------------------------
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? values[key] : whole));
  }
  const SUPERSCRIPT = { "-": "⁻", 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷", 8: "⁸", 9: "⁹" };
  // A number as the page's Python side writes it (catalog.number): 0,0123 in German, 1.57 × 10⁵ for the large.
  function shown(value) {
    if (!Number.isFinite(value)) return value > 0 ? "∞" : "−∞";
    const size = Math.abs(value);
    let text = String(Number(value.toPrecision(4)));
    if (size !== 0 && (size < 1e-3 || size >= 1e5)) {
      const [mantissa, exponent] = value.toExponential(2).split("e");
      const power = "10" + [...String(Number(exponent))].map((c) => SUPERSCRIPT[c]).join("");
      text = `${mantissa} × ${power}`;
    }
    return text.replace("-", "−").replace(".", DATA.decimal);
  }

  // ---- state ---------------------------------------------------------------------------------------------
  const state = {
    fn: null,
    start: 0,
    optimizer: DATA.default_optimizer,
    lr: 0,
    second: {},
    batch: FULL,
    step: 0,
    playing: false,
  };

  // One stored row: a path with its values.
  const path = (run, row) => ({ run, length: run.length[row], offset: run.offset[row], divergedAt: run.divergedAt[row] });

  function current() {
    const fn = state.fn;
    const opt = OPTIMIZERS[state.optimizer];
    const run = fn.runs[opt.name];
    const secondCount = opt.second ? opt.second.values.length : 1;
    const secondIndex = opt.second ? state.second[opt.name] : 0;
    // sweep order: learning rate, then the second hyperparameter, then the start point (last axis)
    const row = (state.lr * secondCount + secondIndex) * fn.starts.length + state.start;
    return { fn, opt, row, secondIndex, ...path(run, row), noisy: noisyPaths(fn, opt, secondIndex) };
  }

  // The minibatch paths drawn for this setting: [] at the full batch, null where the setting has none (only the
  // book's four from the function's own start, at their default second hyperparameter and some rates, have them).
  function noisyPaths(fn, opt, secondIndex) {
    const run = fn.noisy && fn.noisy.optimizers[opt.name];
    if (!run || state.start !== 0 || (opt.second && secondIndex !== opt.second.default)) return null;
    const at = run.lrs.indexOf(state.lr);
    if (at < 0) return null;
    if (state.batch === FULL) return [];
    // build order: learning rate, then the batch size, then the path (last axis)
    const first = (at * fn.noisy.batches.length + state.batch) * fn.noisy.runs;
    return Array.from({ length: fn.noisy.runs }, (_, i) => path(run, first + i));
  }

  // The point of path p shown at step k: a row holds its last stored point after it settled or diverged.
  function stored(p, k) {
    return p.offset + Math.min(k, p.length - 1);
  }

  // ---- drawing helpers -----------------------------------------------------------------------------------
  function setup(canvas) {
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.width;
    const height = canvas.height;
    canvas.style.width = width + "px"; // at most; the style sheet lets it shrink, keeping its proportions
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    const ctx = canvas.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    return { canvas, ctx, width, height, ratio };
  }
  function layer(view) {
    const canvas = document.createElement("canvas");
    canvas.width = view.canvas.width;
    canvas.height = view.canvas.height;
    const ctx = canvas.getContext("2d");
    ctx.setTransform(view.ratio, 0, 0, view.ratio, 0, 0);
    return { canvas, ctx };
  }
  function blit(view, image) {
    view.ctx.save();
    view.ctx.setTransform(1, 0, 0, 1, 0, 0);
    view.ctx.clearRect(0, 0, view.canvas.width, view.canvas.height);
    view.ctx.drawImage(image, 0, 0);
    view.ctx.restore();
  }
  function font(size, weight) {
    return (weight || "") + " " + size + "px " + FONT;
  }
  function axes(ctx, box, xTicks, yTicks, sx, sy) {
    ctx.strokeStyle = THEME.axis;
    ctx.lineWidth = 1;
    ctx.strokeRect(box.left + 0.5, box.top + 0.5, box.width, box.height);
    ctx.fillStyle = THEME.muted;
    ctx.font = font(11);
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    for (const [value, label] of xTicks) {
      const x = sx(value);
      ctx.beginPath();
      ctx.moveTo(x, box.top + box.height);
      ctx.lineTo(x, box.top + box.height + 4);
      ctx.stroke();
      ctx.fillText(label, x, box.top + box.height + 6);
    }
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    for (const [value, label] of yTicks) {
      const y = sy(value);
      ctx.beginPath();
      ctx.moveTo(box.left - 4, y);
      ctx.lineTo(box.left, y);
      ctx.stroke();
      ctx.fillText(label, box.left - 6, y);
    }
  }
  function polyline(ctx, xy, sx, sy) {
    ctx.beginPath();
    let pen = false;
    for (let i = 0; i < xy.length; i += 2) {
      if (Number.isNaN(xy[i])) {
        pen = false;
        continue;
      }
      if (pen) ctx.lineTo(sx(xy[i]), sy(xy[i + 1]));
      else ctx.moveTo(sx(xy[i]), sy(xy[i + 1]));
      pen = true;
    }
    ctx.stroke();
  }
  function cross(ctx, x, y, size, colour) {
    ctx.strokeStyle = THEME.bg;
    ctx.lineWidth = 5;
    for (const pass of [0, 1]) {
      ctx.beginPath();
      ctx.moveTo(x - size, y - size);
      ctx.lineTo(x + size, y + size);
      ctx.moveTo(x - size, y + size);
      ctx.lineTo(x + size, y - size);
      ctx.stroke();
      if (pass === 0) {
        ctx.strokeStyle = colour;
        ctx.lineWidth = 2.5;
      }
    }
  }
  // The current step or setting: a ring in the series colour, with a halo that separates it from anything below.
  function ring(ctx, x, y, radius, colour) {
    ctx.beginPath();
    ctx.arc(x, y, radius, 0, 2 * Math.PI);
    ctx.lineWidth = 4;
    ctx.strokeStyle = THEME.bg;
    ctx.stroke();
    ctx.lineWidth = 2.2;
    ctx.strokeStyle = colour;
    ctx.stroke();
  }
  function star(ctx, x, y, radius) {
    ctx.beginPath();
    for (let i = 0; i < 10; i++) {
      const r = i % 2 === 0 ? radius : radius * 0.45;
      const angle = -Math.PI / 2 + (i * Math.PI) / 5;
      ctx.lineTo(x + r * Math.cos(angle), y + r * Math.sin(angle));
    }
    ctx.closePath();
    ctx.fillStyle = "#E69F00";
    ctx.fill();
    ctx.strokeStyle = THEME.fg;
    ctx.lineWidth = 1;
    ctx.stroke();
  }
  function label(ctx, text, x, y, colour) {
    ctx.font = font(12, "bold");
    ctx.textAlign = "left";
    ctx.textBaseline = "top";
    const width = ctx.measureText(text).width;
    ctx.fillStyle = THEME.bg;
    ctx.globalAlpha = 0.88;
    ctx.fillRect(x - 4, y - 3, width + 10, 20);
    ctx.globalAlpha = 1;
    ctx.fillStyle = colour;
    ctx.fillRect(x - 4, y - 3, 3, 20); // the optimizer's colour as a bar; the words in the text colour
    ctx.fillStyle = THEME.fg;
    ctx.fillText(text, x + 2, y);
  }

  // ---- the three views -----------------------------------------------------------------------------------
  const pathView = setup($("path-canvas"));
  const lossView = setup($("loss-canvas"));
  const rateView = setup($("rate-canvas"));
  const BOX = {
    path: { left: 44, top: 8, width: pathView.width - 54, height: pathView.height - 34 },
    loss: { left: 52, top: 8, width: lossView.width - 62, height: lossView.height - 34 },
    rate: { left: 52, top: 8, width: rateView.width - 62, height: rateView.height - 76 },
  };
  const linear = (a, b, p, q) => (v) => p + ((v - a) / (b - a)) * (q - p);
  const logarithmic = (a, b, p, q) => (v) => p + ((Math.log10(v) - Math.log10(a)) / (Math.log10(b) - Math.log10(a))) * (q - p);

  function pathScales(fn) {
    const [[x0, x1], [y0, y1]] = fn.window;
    const b = BOX.path;
    return { sx: linear(x0, x1, b.left, b.left + b.width), sy: linear(y0, y1, b.top + b.height, b.top) };
  }
  function lossScales(fn) {
    const b = BOX.loss;
    const [low, high] = fn.loss_range;
    const sx = linear(0, fn.steps, b.left, b.left + b.width);
    const log = logarithmic(low, high, b.top + b.height, b.top);
    // values off the scale sit on its edge (diverged above, settled below)
    return { sx, sy: (v) => (v >= high ? b.top : v <= low ? b.top + b.height : log(v)) };
  }
  function rateScales(map) {
    const b = BOX.rate;
    return { sx: logarithmic(map.lr[0], map.lr[1], b.left, b.left + b.width), sy: linear(0, 1, b.top + b.height, b.top) };
  }

  // Static layers (contours, axes, the rate map) are drawn once per function and copied on each redraw.
  function pathStatic(fn) {
    const { canvas, ctx } = layer(pathView);
    const { sx, sy } = pathScales(fn);
    const b = BOX.path;
    ctx.save();
    ctx.beginPath();
    ctx.rect(b.left, b.top, b.width, b.height);
    ctx.clip();
    ctx.lineWidth = 1;
    for (const contour of fn.contours) {
      ctx.strokeStyle = contour.color;
      polyline(ctx, contour.xy, sx, sy);
    }
    ctx.strokeStyle = THEME.fg;
    ctx.lineWidth = 1.5;
    for (const [mx, my] of fn.minima) {
      ctx.beginPath();
      ctx.moveTo(sx(mx) - 6, sy(my));
      ctx.lineTo(sx(mx) + 6, sy(my));
      ctx.moveTo(sx(mx), sy(my) - 6);
      ctx.lineTo(sx(mx), sy(my) + 6);
      ctx.stroke();
    }
    ctx.restore();
    axes(ctx, b, fn.ticks[0], fn.ticks[1], sx, sy);
    ctx.fillStyle = THEME.muted;
    ctx.font = font(12, "italic");
    ctx.textAlign = "right";
    ctx.textBaseline = "bottom";
    ctx.fillText("x", b.left + b.width, b.top + b.height - 2);
    ctx.textAlign = "left";
    ctx.textBaseline = "top";
    ctx.fillText("y", b.left + 4, b.top + 2);
    return canvas;
  }
  function lossStatic(fn) {
    const { canvas, ctx } = layer(lossView);
    const { sx, sy } = lossScales(fn);
    axes(ctx, BOX.loss, fn.step_ticks, fn.loss_ticks, sx, sy);
    return canvas;
  }
  function hatch() {
    const tile = document.createElement("canvas");
    tile.width = tile.height = 8;
    const ctx = tile.getContext("2d");
    ctx.fillStyle = DATA.diverged_color;
    ctx.fillRect(0, 0, 8, 8);
    ctx.strokeStyle = THEME.muted;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(0, 8);
    ctx.lineTo(8, 0);
    ctx.stroke();
    return tile;
  }
  function rateStatic(fn) {
    const map = fn.rate_map;
    const { canvas, ctx } = layer(rateView);
    const b = BOX.rate;
    const [rows, cols] = map.shape;
    // The cells as an image: row 0 is the smallest momentum, drawn at the bottom.
    const image = document.createElement("canvas");
    image.width = cols;
    image.height = rows;
    const ictx = image.getContext("2d");
    const pixels = ictx.createImageData(cols, rows);
    const pattern = ctx.createPattern(hatch(), "repeat");
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const index = map.cellsArr[r * cols + c];
        const at = ((rows - 1 - r) * cols + c) * 4;
        if (index === 255) {
          pixels.data[at + 3] = 0; // diverged: left clear for the hatching below
          continue;
        }
        pixels.data[at] = RATE_COLORS[index * 3];
        pixels.data[at + 1] = RATE_COLORS[index * 3 + 1];
        pixels.data[at + 2] = RATE_COLORS[index * 3 + 2];
        pixels.data[at + 3] = 255;
      }
    }
    ictx.putImageData(pixels, 0, 0);
    ctx.fillStyle = pattern;
    ctx.fillRect(b.left, b.top, b.width, b.height);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(image, b.left, b.top, b.width, b.height);
    const { sx, sy } = rateScales(map);
    ctx.save();
    ctx.beginPath();
    ctx.rect(b.left, b.top, b.width, b.height);
    ctx.clip();
    ctx.setLineDash([5, 4]);
    ctx.strokeStyle = THEME.fg;
    ctx.lineWidth = 1.2;
    polyline(ctx, map.edge, sx, sy);
    ctx.setLineDash([]);
    // the settings this page holds
    ctx.fillStyle = THEME.fg;
    ctx.globalAlpha = 0.55;
    for (const lr of fn.lr) {
      for (const momentum of OPTIMIZERS.momentum.second.values) {
        ctx.fillRect(sx(lr) - 1, sy(momentum) - 1, 2, 2);
      }
    }
    ctx.globalAlpha = 1;
    ctx.restore();
    const [bestLr, bestMomentum] = map.optimum;
    star(ctx, sx(bestLr), sy(bestMomentum), 9);
    axes(ctx, b, map.lr_ticks, map.momentum_ticks, sx, sy);
    ctx.fillStyle = THEME.muted;
    ctx.font = font(11);
    ctx.textAlign = "left";
    ctx.textBaseline = "top";
    ctx.fillText("η", b.left + b.width - 10, b.top + b.height + 6 + 14);
    ctx.save();
    ctx.translate(14, b.top + b.height / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = "center";
    ctx.fillText("α", 0, 0);
    ctx.restore();
    // colour bar: fastest on the left, diverging (hatched) on the right
    const barTop = b.top + b.height + 34;
    const barLeft = b.left;
    const barWidth = b.width * 0.82;
    for (let i = 0; i < 255; i++) {
      ctx.fillStyle = "rgb(" + RATE_COLORS[i * 3] + "," + RATE_COLORS[i * 3 + 1] + "," + RATE_COLORS[i * 3 + 2] + ")";
      ctx.fillRect(barLeft + (i * barWidth) / 255, barTop, barWidth / 255 + 0.6, 10);
    }
    ctx.fillStyle = pattern;
    ctx.fillRect(barLeft + barWidth + 4, barTop, b.width - barWidth - 4, 10);
    const bar = linear(0, 1, barLeft, barLeft + barWidth);
    ctx.fillStyle = THEME.muted;
    ctx.textAlign = "center";
    for (const [value, text] of map.scale_ticks) ctx.fillText(text, bar(value), barTop + 12);
    return canvas;
  }

  const statics = { fn: null, path: null, loss: null, rate: null };

  function drawPath(c) {
    blit(pathView, statics.path);
    const ctx = pathView.ctx;
    const { sx, sy } = pathScales(c.fn);
    const b = BOX.path;
    const colour = c.opt.color;
    // the start candidates: rings; the chosen one is filled in the path's colour below
    ctx.strokeStyle = THEME.fg;
    ctx.lineWidth = 1.2;
    c.fn.starts.forEach(([x, y]) => {
      ctx.beginPath();
      ctx.arc(sx(x), sy(y), 6, 0, 2 * Math.PI);
      ctx.stroke();
    });
    ctx.save();
    ctx.beginPath();
    ctx.rect(b.left, b.top, b.width, b.height);
    ctx.clip();
    const xy = c.run.xy;
    const last = c.length - 1;
    // Path p's stored points from step `from` to `to`, as a line and, given a dotRadius, a dot at each point.
    const segment = (p, from, to, alpha, width, dotRadius) => {
      ctx.globalAlpha = alpha;
      ctx.strokeStyle = colour;
      ctx.fillStyle = colour;
      ctx.lineWidth = width;
      ctx.beginPath();
      for (let k = from; k <= to; k++) {
        const i = 2 * (p.offset + k);
        if (k === from) ctx.moveTo(sx(p.run.xy[i]), sy(p.run.xy[i + 1]));
        else ctx.lineTo(sx(p.run.xy[i]), sy(p.run.xy[i + 1]));
      }
      ctx.stroke();
      for (let k = from; dotRadius && k <= to; k++) {
        const i = 2 * (p.offset + k);
        ctx.beginPath();
        ctx.arc(sx(p.run.xy[i]), sy(p.run.xy[i + 1]), dotRadius, 0, 2 * Math.PI);
        ctx.fill();
      }
    };
    // The minibatch paths, faint, under the exact one, so that the exact path stays readable through them: what
    // each has stepped so far, and a dot where it is now.
    for (const p of c.noisy || []) {
      const upTo = Math.min(state.step, p.length - 1);
      if (upTo < p.length - 1) segment(p, upTo, p.length - 1, 0.3 * FAINT, 1);
      segment(p, 0, upTo, FAINT, 1.1);
      segment(p, upTo, upTo, 0.9, 1, 3);
    }
    const shown = Math.min(state.step, last);
    if (shown < last) segment(c, shown, last, 0.28, 1.2, 2.4);
    segment(c, 0, shown, 1, 1.6, 2.4);
    ctx.globalAlpha = 1;
    const start = 2 * c.offset;
    ctx.beginPath();
    ctx.arc(sx(xy[start]), sy(xy[start + 1]), 6, 0, 2 * Math.PI);
    ctx.fillStyle = colour;
    ctx.fill();
    ctx.strokeStyle = THEME.fg;
    ctx.lineWidth = 1.2;
    ctx.stroke();
    const here = 2 * stored(c, state.step);
    ring(ctx, sx(xy[here]), sy(xy[here + 1]), 8, colour);
    ctx.restore();
    const notes = [];
    if (c.divergedAt >= 0) {
      // The point where it left, pinned to the frame's edge when it is outside.
      const i = 2 * (c.offset + last);
      const x = Math.min(Math.max(sx(xy[i]), b.left + 6), b.left + b.width - 6);
      const y = Math.min(Math.max(sy(xy[i + 1]), b.top + 6), b.top + b.height - 6);
      cross(ctx, Number.isFinite(x) ? x : b.left + b.width - 6, Number.isFinite(y) ? y : b.top + 6, 7, colour);
      notes.push(fill(M.diverged, { step: c.divergedAt }));
    } else {
      const leaves = firstOutside(c.fn, c);
      if (leaves >= 0) notes.push(fill(M.leaves, { step: leaves }));
    }
    const away = noisyAway(c);
    if (away) notes.push(away);
    notes.forEach((text, i) => label(ctx, text, b.left + 22, b.top + 6 + 24 * i, colour)); // right of "y"
  }

  // How many of the minibatch paths leave the picture, in words, or "" when none does.
  function noisyAway(c) {
    const count = (c.noisy || []).filter((p) => firstOutside(c.fn, p) >= 0).length;
    return count ? fill(M.explore_noisy_leaves, { count, runs: c.noisy.length }) : "";
  }

  // The first step at which path p lies outside the picture (a run that wanders off without diverging), or -1.
  function firstOutside(fn, p) {
    const [[x0, x1], [y0, y1]] = fn.window;
    for (let k = 0; k < p.length; k++) {
      const x = p.run.xy[2 * (p.offset + k)];
      const y = p.run.xy[2 * (p.offset + k) + 1];
      if (x < x0 || x > x1 || y < y0 || y > y1) return k;
    }
    return -1;
  }

  function drawLoss(c) {
    blit(lossView, statics.loss);
    const ctx = lossView.ctx;
    const { sx, sy } = lossScales(c.fn);
    const values = c.run.f;
    const last = c.length - 1;
    const b = BOX.loss;
    ctx.save();
    ctx.beginPath();
    ctx.rect(b.left, b.top - 2, b.width + 2, b.height + 4);
    ctx.clip();
    ctx.strokeStyle = c.opt.color;
    const curve = (p, alpha, width) => {
      ctx.globalAlpha = alpha;
      ctx.lineWidth = width;
      ctx.beginPath();
      for (let k = 0; k < p.length; k++) {
        const v = p.run.f[p.offset + k];
        if (k === 0) ctx.moveTo(sx(k), sy(v));
        else ctx.lineTo(sx(k), sy(v));
      }
      // A settled run stays where it settled: its value holds to the last step (a diverged one ends at its cross).
      if (p.divergedAt < 0) ctx.lineTo(sx(c.fn.steps), sy(p.run.f[p.offset + p.length - 1]));
      ctx.stroke();
    };
    for (const p of c.noisy || []) curve(p, FAINT, 1.1);
    curve(c, 1, 1.6);
    ctx.globalAlpha = 1;
    ctx.restore();
    ctx.strokeStyle = THEME.muted;
    ctx.lineWidth = 1;
    ctx.setLineDash([3, 3]);
    ctx.beginPath();
    ctx.moveTo(sx(state.step), b.top);
    ctx.lineTo(sx(state.step), b.top + b.height);
    ctx.stroke();
    ctx.setLineDash([]);
    // The value at this step (a diverged run's dot stays at its last step), small for the minibatch paths.
    ctx.fillStyle = c.opt.color;
    for (const [p, radius] of [...(c.noisy || []).map((q) => [q, 2.5]), [c, 4.5]]) {
      const k = p.divergedAt < 0 ? state.step : Math.min(state.step, p.length - 1);
      ctx.beginPath();
      ctx.arc(sx(k), sy(p.run.f[stored(p, k)]), radius, 0, 2 * Math.PI);
      ctx.fill();
    }
    if (c.divergedAt >= 0) cross(ctx, sx(c.divergedAt), sy(values[c.offset + last]), 5, c.opt.color);
    ctx.fillStyle = THEME.muted;
    ctx.font = font(11);
    ctx.textAlign = "right";
    ctx.textBaseline = "bottom";
    ctx.fillText(M.step, b.left + b.width - 4, b.top + b.height - 3);
  }

  function drawRate(c) {
    const map = c.fn.rate_map;
    $("rate-canvas").hidden = $("rate-legend").hidden = !map;
    if (map) $("rate-legend").textContent = map.legend;
    if (!map) {
      $("rate-note").textContent = M.explore_rate_none;
      return;
    }
    blit(rateView, statics.rate);
    const marked = c.opt.name === "sgd" || c.opt.name === "momentum";
    if (!marked) {
      $("rate-note").textContent = M.explore_rate_other;
      return;
    }
    const ctx = rateView.ctx;
    const { sx, sy } = rateScales(map);
    const momenta = OPTIMIZERS.momentum.second;
    const index = c.opt.name === "sgd" ? 0 : c.secondIndex;
    ring(ctx, sx(c.fn.lr[state.lr]), sy(momenta.values[index]), 7, c.opt.color);
    const rate = map.atGrid[state.lr * momenta.values.length + index];
    const neutral = Math.abs(rate - 1) < 1e-6; // η = 1 without momentum on the bowl: it bounces for ever
    const note = neutral ? M.explore_rate_neutral : rate < 1 ? M.explore_rate_value : M.explore_rate_diverges;
    $("rate-note").textContent = fill(note, { rate: shown(rate) });
  }

  function readout(c) {
    const i = stored(c, state.step);
    const words = [
      fill(M.explore_readout, {
        step: state.step,
        steps: c.fn.steps,
        x: shown(c.run.xy[2 * i]),
        y: shown(c.run.xy[2 * i + 1]),
        f: shown(c.run.f[i]),
      }),
    ];
    if (c.divergedAt >= 0) words.push(fill(M.diverged, { step: c.divergedAt }));
    else if (c.length <= c.fn.steps) words.push(fill(M.explore_settled, { step: c.length - 1 }));
    if (c.noisy && c.noisy.length) {
      const values = c.noisy.map((p) => p.run.f[stored(p, state.step)]);
      words.push(
        fill(M.explore_noisy_readout, {
          runs: c.noisy.length,
          batch: BATCH.values[state.batch],
          low: shown(Math.min(...values)),
          high: shown(Math.max(...values)),
        }),
      );
      const away = noisyAway(c);
      if (away) words.push(away);
    }
    $("readout").textContent = words.join(" · ");
    $("path-canvas").setAttribute("aria-label", $("readout").textContent);
    $("step-value").textContent = String(state.step);
    $("step").setAttribute("aria-valuetext", String(state.step));
  }

  // ---- redraw: only what changed, once per animation frame ----------------------------------------------
  const dirty = { path: false, loss: false, rate: false };
  let frame = 0;
  let inputAt = null;
  function invalidate(parts, event) {
    Object.assign(dirty, parts);
    if (event && inputAt === null) inputAt = event.timeStamp;
    if (!frame) frame = requestAnimationFrame(redraw);
  }
  function redraw() {
    const begin = performance.now();
    frame = 0;
    const fn = state.fn;
    if (statics.fn !== fn) {
      statics.fn = fn;
      statics.path = pathStatic(fn);
      statics.loss = lossStatic(fn);
      statics.rate = fn.rate_map ? rateStatic(fn) : null;
    }
    const c = current();
    if (dirty.path) drawPath(c);
    if (dirty.loss) drawLoss(c);
    if (dirty.rate) drawRate(c);
    readout(c);
    const end = performance.now();
    dirty.path = dirty.loss = dirty.rate = false;
    timings.lastRedrawMs = end - begin;
    if (inputAt !== null) timings.lastResponseMs = end - inputAt;
    inputAt = null;
    timings.redraws += 1;
    if (timings.firstDrawMs === null) {
      timings.firstDrawMs = end;
      performance.mark("optviz-first-draw");
    }
    const canvas = $("path-canvas");
    canvas.dataset.setting = settingName(c);
    document.documentElement.dataset.redraws = String(timings.redraws);
  }
  function settingName(c) {
    const parts = [c.fn.name, c.opt.name, "lr=" + c.fn.lr[state.lr]];
    if (c.opt.second) parts.push(c.opt.second.key + "=" + c.opt.second.values[c.secondIndex]);
    parts.push("start=" + c.fn.starts[state.start].join(","));
    if (c.noisy && c.noisy.length) parts.push("batch=" + BATCH.values[state.batch]);
    return parts.join(" ");
  }

  // ---- controls ------------------------------------------------------------------------------------------
  function options(select, labels, chosen) {
    select.replaceChildren(...labels.map((text, i) => new Option(text, String(i), false, i === chosen)));
  }
  function setSlider(input, output, count, index, text) {
    input.max = String(count - 1);
    input.value = String(index);
    output.textContent = text;
    input.setAttribute("aria-valuetext", text);
  }
  function showLr() {
    const fn = state.fn;
    setSlider($("lr"), $("lr-value"), fn.lr.length, state.lr, "η = " + fn.lr_text[state.lr]);
  }
  function showSecond() {
    const opt = OPTIMIZERS[state.optimizer];
    $("second-control").hidden = !opt.second;
    if (!opt.second) return;
    $("second").previousElementSibling.textContent = opt.second.key === "beta1" ? M.explore_beta1 : M.momentum_label;
    const index = state.second[opt.name];
    setSlider($("second"), $("second-value"), opt.second.values.length, index, opt.second.symbol + " = " + opt.second.text[index]);
  }
  // Disabled, at the full batch, where the setting has no minibatch paths; the reader's choice returns with them.
  function showBatch() {
    const c = current();
    const index = c.noisy ? state.batch : FULL;
    $("batch").disabled = !c.noisy;
    setSlider($("batch"), $("batch-value"), BATCH.values.length, index, BATCH.text[index]);
    $("batch-note").textContent = c.fn.noisy && !c.noisy ? c.fn.noisy.missing : c.fn.batch_note;
  }
  function showStep() {
    setSlider($("step"), $("step-value"), state.fn.steps + 1, state.step, String(state.step));
  }
  // The book's learning rate for its four on the bowl; elsewhere the one that ends lowest (chosen at build time).
  function defaultLr(fn, name) {
    return fn.runs[name].defaultLr;
  }
  function chooseFunction(index) {
    state.fn = decoded(DATA.functions[index]);
    state.start = 0;
    state.lr = defaultLr(state.fn, state.optimizer);
    state.step = state.fn.steps;
    options($("start"), state.fn.start_labels, 0);
    $("grid").textContent = state.fn.grid_text;
    showLr();
    showStep();
  }

  function setPlaying(on) {
    state.playing = on;
    const button = $("play");
    button.textContent = on ? "❚❚ " + M.explore_pause : "▶ " + M.explore_play;
    button.setAttribute("aria-pressed", String(on));
    $("readout").setAttribute("aria-live", on ? "off" : "polite");
    if (on) {
      if (state.step >= state.fn.steps) state.step = 0;
      let previous = performance.now();
      const tick = (now) => {
        if (!state.playing) return;
        if (state.step >= state.fn.steps) return setPlaying(false);
        if (now - previous >= STEP_MS) {
          previous = now;
          state.step += 1;
          showStep();
          invalidate({ path: true, loss: true });
          if (state.step >= state.fn.steps) return setPlaying(false);
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }
  }

  function init() {
    document.title = M.explore_title;
    $("title").textContent = M.explore_title;
    $("intro").textContent = M.explore_intro;
    $("keys").textContent = M.explore_keys;
    $("function").previousElementSibling.textContent = M.explore_function;
    $("start").previousElementSibling.textContent = M.explore_start;
    $("optimizer").previousElementSibling.textContent = M.explore_optimizer;
    $("lr").previousElementSibling.textContent = M.learning_rate_label;
    $("batch").previousElementSibling.textContent = M.explore_batch;
    $("step").previousElementSibling.textContent = M.step_label;
    $("path-title").textContent = M.explore_path_view;
    $("path-legend").textContent = M.explore_path_legend;
    $("loss-title").textContent = M.loss_title;
    $("rate-title").textContent = M.explore_rate_title;
    for (const opt of DATA.optimizers) if (opt.second) state.second[opt.name] = opt.second.default;
    options($("function"), DATA.functions.map((f) => f.label), 0);
    options(
      $("optimizer"),
      DATA.optimizers.map((o) => o.label),
      DATA.optimizers.findIndex((o) => o.name === state.optimizer),
    );
    chooseFunction(0);
    showSecond();
    showBatch();
    setPlaying(false);

    // Every setting but the step decides which minibatch paths exist, so each one updates the batch slider.
    const everything = { path: true, loss: true, rate: true };
    const changed = (event) => {
      showBatch();
      invalidate(everything, event);
    };
    $("function").addEventListener("change", (event) => {
      chooseFunction(Number(event.target.value));
      changed(event);
    });
    $("start").addEventListener("change", (event) => {
      state.start = Number(event.target.value);
      changed(event);
    });
    $("optimizer").addEventListener("change", (event) => {
      state.optimizer = DATA.optimizers[Number(event.target.value)].name;
      state.lr = defaultLr(state.fn, state.optimizer);
      showLr();
      showSecond();
      changed(event);
    });
    $("lr").addEventListener("input", (event) => {
      state.lr = Number(event.target.value);
      showLr();
      changed(event);
    });
    $("second").addEventListener("input", (event) => {
      state.second[state.optimizer] = Number(event.target.value);
      showSecond();
      changed(event);
    });
    $("batch").addEventListener("input", (event) => {
      state.batch = Number(event.target.value);
      showBatch();
      invalidate({ path: true, loss: true }, event);
    });
    $("step").addEventListener("input", (event) => {
      setPlaying(false);
      state.step = Number(event.target.value);
      showStep();
      invalidate({ path: true, loss: true }, event);
    });
    $("play").addEventListener("click", () => setPlaying(!state.playing));
    $("controls").addEventListener("submit", (event) => event.preventDefault());
    document.addEventListener("keydown", (event) => {
      const tag = event.target.tagName;
      if (event.key === " " && tag !== "BUTTON" && tag !== "SELECT") {
        event.preventDefault();
        setPlaying(!state.playing);
      }
    });
    invalidate(everything);
  }

  // Path p as drawn at every step: its points (data coordinates) and values.
  function drawnPoints(p, steps) {
    return Array.from({ length: steps + 1 }, (_, k) => {
      const i = 2 * stored(p, k);
      return [p.run.xy[i], p.run.xy[i + 1]];
    });
  }
  function drawnValues(p, steps) {
    return Array.from({ length: steps + 1 }, (_, k) => p.run.f[stored(p, k)]);
  }

  // For tests and embedding pages: the drawn setting and its points at every step, in data coordinates.
  window.optvizExplore = {
    timings,
    setting: () => settingName(current()),
    drawnPath: () => drawnPoints(current(), state.fn.steps),
    drawnValues: () => drawnValues(current(), state.fn.steps),
    divergedAt: () => current().divergedAt,
    // the minibatch paths drawn over the exact one (none at the full batch)
    drawnNoisyPaths: () => (current().noisy || []).map((p) => drawnPoints(p, state.fn.steps)),
    drawnNoisyValues: () => (current().noisy || []).map((p) => drawnValues(p, state.fn.steps)),
  };
  init();
})();
