// SpaceCoMP viewer: one page, two sources. Live: the gateway's /events (trace batches) and /subscribe (job
// outcomes). Replay: /trace.jsonl from `spacecomp view`. Plain Canvas, no library, no network beyond this server.
'use strict';
(function () {
  const ACTIONS = ['collect', 'map', 'reduce', 'result', 'control'];
  const ACTION_OF = { collect: 0, map: 1, reduce: 2, reduce_response: 3 };
  const COLOURS = ['#3b8fe0', '#ff9f1c', '#2fbf71', '#e84855', '#b084f5'];
  const NA = ACTIONS.length;
  // Up to this many hops in view are drawn one by one; past it, hops are summed per link and action
  // (one stroke per link and action, width by count): the decimation that keeps a 1M-event trace smooth.
  const DIRECT_LIMIT = 20000;
  const MAX_DOTS = 2000;
  const PLAY_SECONDS = 10; // at 1x, the whole trace plays in this many seconds
  const MU = 3.986004418e14;
  const OMEGA_E = 7.292115146706979e-5;

  const $ = (id) => document.getElementById(id);

  // ------------------------------------------------------------------ the model

  class Growable {
    constructor(Type) { this.Type = Type; this.a = new Type(1024); this.n = 0; }
    push(v) { if (this.n === this.a.length) { const b = new this.Type(this.a.length * 2); b.set(this.a); this.a = b; } this.a[this.n++] = v; }
  }

  const M = {
    mode: 'replay', meta: null, shell: {}, events: 0, lines: 0, badLines: [], outcomes: new Map(),
    ht: new Growable(Float64Array), hend: new Growable(Float64Array), hfs: new Growable(Int32Array), hfo: new Growable(Int32Array),
    hts: new Growable(Int32Array), hto: new Growable(Int32Array), ha: new Growable(Uint8Array), hj: new Growable(Int32Array),
    lastHopOfMsg: new Map(), // job|msg -> index of its latest hop (its end is the next hop or the delivery)
    jobs: new Map(), jobOrder: [], tMin: Infinity, tMax: -Infinity, maxSat: 0, maxOrb: 0, sorted: true, maxHopDur: 0,
    loadMs: 0, loaded: false,
  };

  /** Forgets every event (live: the stream reconnected and sends its backlog again); job outcomes stay. */
  function resetEvents() {
    M.events = 0;
    for (const g of [M.ht, M.hend, M.hfs, M.hfo, M.hts, M.hto, M.ha, M.hj]) g.n = 0;
    M.lastHopOfMsg.clear(); M.jobs.clear(); M.jobOrder = [];
    M.tMin = Infinity; M.tMax = -Infinity; M.sorted = true; M.maxHopDur = 0;
    agg.reset();
    const sel = $('job');
    while (sel.options.length > 1) sel.remove(1);
    V.job = -1; jobsDirty = true;
  }

  function job(id) {
    let j = M.jobs.get(id);
    if (!j) {
      j = { id, idx: M.jobOrder.length, submitted: null, los: null, plan: null, collectors: new Map(), mappers: new Map(),
        reducer: null, end: null, failed: null, resultBytes: null, outcome: M.outcomes.get(id) || null, hops: 0 };
      if (j.outcome && !j.outcome.done && j.outcome.error) j.failed = j.outcome.error;
      M.jobs.set(id, j);
      M.jobOrder.push(j);
      jobsDirty = true;
    }
    return j;
  }

  function key(s, o) { return s + ',' + o; }

  function ingest(e) {
    M.events++;
    const t = e.t;
    if (e.type !== 'shell') {
      if (t < M.tMin) M.tMin = t;
      if (t > M.tMax) M.tMax = t;
    }
    for (const p of [e.from, e.to, e.at]) {
      if (p) { if (p[0] > M.maxSat) M.maxSat = p[0]; if (p[1] > M.maxOrb) M.maxOrb = p[1]; }
    }
    switch (e.type) {
      case 'shell':
        try { Object.assign(M.shell, JSON.parse(e.detail)); } catch (x) { /* keep what the meta said */ }
        return;
      case 'hop': {
        const n = M.ht.n;
        if (n > 0 && t < M.ht.a[n - 1]) M.sorted = false;
        const j = e.job ? job(e.job) : null;
        M.ht.push(t); M.hend.push(NaN); M.hfs.push(e.from[0]); M.hfo.push(e.from[1]); M.hts.push(e.to[0]); M.hto.push(e.to[1]);
        M.ha.push(ACTION_OF[e.action] ?? 4); M.hj.push(j ? j.idx : -1);
        if (j) j.hops++;
        const k = e.job + '|' + e.msg + '|' + e.action; // (ids past 2^53 round in JS: the action keeps them apart)
        const prev = M.lastHopOfMsg.get(k);
        if (prev !== undefined && isNaN(M.hend.a[prev])) endHop(prev, t);
        M.lastHopOfMsg.set(k, n);
        return;
      }
      case 'delivered':
      case 'undeliverable': {
        const k = e.job + '|' + e.msg + '|' + e.action; // (ids past 2^53 round in JS: the action keeps them apart)
        const prev = M.lastHopOfMsg.get(k);
        if (prev !== undefined) { if (isNaN(M.hend.a[prev])) endHop(prev, t); M.lastHopOfMsg.delete(k); }
        if (e.type === 'delivered' && e.action === 'reduce_response' && e.job) job(e.job).resultBytes = e.bytes;
        return;
      }
      case 'job_submitted': { const j = job(e.job); j.submitted = t; j.los = e.at; jobsDirty = true; return; }
      case 'job_planned': {
        const j = job(e.job);
        try { j.plan = JSON.parse(e.detail); } catch (x) { j.plan = null; }
        if (j.plan) {
          j.reducer = j.plan.reducer;
          for (const [c, m] of j.plan.allocations || []) { j.collectors.set(key(c[0], c[1]), c); j.mappers.set(key(m[0], m[1]), m); }
        }
        jobsDirty = true;
        return;
      }
      case 'task_started': {
        const j = job(e.job);
        if (e.action === 'collect') j.collectors.set(key(e.at[0], e.at[1]), e.at);
        else if (e.action === 'map') j.mappers.set(key(e.at[0], e.at[1]), e.at);
        else if (e.action === 'reduce') j.reducer = e.at;
        return;
      }
      case 'message_sent':
        if (e.action === 'set_map_count' && e.job) job(e.job).reducer = e.to;
        return;
      case 'job_done': { const j = job(e.job); j.end = t; if (!j.los) j.los = e.at; jobsDirty = true; return; }
      case 'job_failed': { const j = job(e.job); j.end = t; j.failed = e.detail || 'failed'; if (!j.los) j.los = e.at; jobsDirty = true; return; }
      default:
    }
  }

  function endHop(i, t) {
    M.hend.a[i] = t;
    const d = t - M.ht.a[i];
    if (d > M.maxHopDur) M.maxHopDur = d;
  }

  /** Hops arrived out of time order (live: planes post independently): sort them all by t. */
  function sortHops() {
    const n = M.ht.n;
    const idx = new Uint32Array(n);
    for (let i = 0; i < n; i++) idx[i] = i;
    const t = M.ht.a;
    idx.sort((a, b) => t[a] - t[b] || a - b);
    const remap = new Int32Array(n);
    for (const g of [M.ht, M.hend, M.hfs, M.hfo, M.hts, M.hto, M.ha, M.hj]) {
      const b = new g.Type(g.a.length);
      for (let i = 0; i < n; i++) b[i] = g.a[idx[i]];
      g.a = b;
    }
    for (let i = 0; i < n; i++) remap[idx[i]] = i;
    for (const [k, v] of M.lastHopOfMsg) M.lastHopOfMsg.set(k, remap[v]);
    M.sorted = true;
    agg.reset();
  }

  // ------------------------------------------------------------------ geometry

  function dims() {
    const N = M.shell.planes || M.maxOrb || 1;
    const S = M.shell.sats || M.maxSat || 1;
    return { N, S };
  }

  function node(s, o, d) { return (o - 1) * d.S + (s - 1); }

  /** Direction of a +Grid hop: 0 sat+1, 1 sat-1, 2 orb+1, 3 orb-1 (with wrap), or -1 when not neighbours. */
  function dir(fs, fo, ts, to, d) {
    if (fo === to) {
      if (ts === fs % d.S + 1) return 0;
      if (fs === ts % d.S + 1) return 1;
    } else if (fs === ts) {
      if (to === fo % d.N + 1) return 2;
      if (fo === to % d.N + 1) return 3;
    }
    return -1;
  }

  /** Sub-satellite point (lat, lon degrees) of (s, o) at t: circular orbits, the same closed form as the simulator. */
  function subPoint(s, o, t, d) {
    const sh = M.shell;
    const inc = (sh.inclination_deg ?? 87) * Math.PI / 180;
    const rE = sh.earth_radius_km ?? 6371, h = sh.altitude_km ?? 530;
    const r = (rE + h) * 1000;
    const n = Math.sqrt(MU / (r * r * r));
    const F = sh.phasing ?? 0;
    const u = 2 * Math.PI * (s - 1) / d.S + 2 * Math.PI * F * (o - 1) / (d.N * d.S) + n * t;
    const raan = 2 * Math.PI * (o - 1) / d.N;
    const lat = Math.asin(Math.sin(inc) * Math.sin(u));
    let lon = Math.atan2(Math.cos(inc) * Math.sin(u), Math.cos(u)) + raan - OMEGA_E * t;
    lon = ((lon + Math.PI) % (2 * Math.PI) + 2 * Math.PI) % (2 * Math.PI) - Math.PI;
    return [lat * 180 / Math.PI, lon * 180 / Math.PI];
  }

  // ------------------------------------------------------------------ aggregation (decimation)

  /** Hops with t <= now, summed per link and action, moved incrementally as the time changes. */
  const agg = {
    cut: 0, job: -2, counts: null, visits: null, other: 0, total: 0, d: null,
    reset() { this.cut = 0; this.counts = null; },
    ensure(d, jobIdx) {
      const size = d.N * d.S;
      if (!this.counts || this.job !== jobIdx || !this.d || this.d.N !== d.N || this.d.S !== d.S) {
        this.counts = new Float64Array(size * 4 * NA);
        this.visits = new Float64Array(size);
        this.cut = 0; this.other = 0; this.total = 0; this.job = jobIdx; this.d = d;
      }
    },
    add(i, sign) {
      if (this.job >= 0 && M.hj.a[i] !== this.job) return;
      const d = this.d;
      const fs = M.hfs.a[i], fo = M.hfo.a[i], ts = M.hts.a[i], to = M.hto.a[i];
      const k = dir(fs, fo, ts, to, d);
      if (k < 0 || fs > d.S || fo > d.N) this.other += sign;
      else this.counts[(node(fs, fo, d) * 4 + k) * NA + M.ha.a[i]] += sign;
      if (ts <= d.S && to <= d.N) this.visits[node(ts, to, d)] += sign;
      this.total += sign;
    },
    moveTo(cut) {
      while (this.cut < cut) this.add(this.cut++, 1);
      while (this.cut > cut) this.add(--this.cut, -1);
    },
  };

  function cutAt(t) { // first hop index with ht > t
    let lo = 0, hi = M.ht.n;
    const a = M.ht.a;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (a[mid] <= t) lo = mid + 1; else hi = mid; }
    return lo;
  }

  // ------------------------------------------------------------------ view state

  const V = { now: 0, playing: false, follow: false, speed: 1, job: -1, heat: false, drawnHops: 0, inFlight: 0,
    frames: [], lastWall: 0, direct: true };
  let jobsDirty = true;
  let coast = null;

  function span() { return M.tMax > M.tMin ? M.tMax - M.tMin : 1e-3; }

  function setNow(t, fromSlider) {
    V.now = Math.min(Math.max(t, isFinite(M.tMin) ? M.tMin : 0), isFinite(M.tMax) ? M.tMax : 0);
    if (!fromSlider) $('scrub').value = String(Math.round((V.now - M.tMin) / span() * 10000));
    jobsDirty = true;
  }

  // ------------------------------------------------------------------ drawing

  function segmentsTorus(fs, fo, ts, to, d, cell) {
    const x1 = (fo - 0.5) * cell, y1 = (fs - 0.5) * cell, x2 = (to - 0.5) * cell, y2 = (ts - 0.5) * cell;
    const k = dir(fs, fo, ts, to, d);
    const W = d.N * cell, H = d.S * cell;
    if (k === 0 && ts === 1 && fs === d.S) return [[x1, y1, x1, H], [x2, 0, x2, y2]];
    if (k === 1 && fs === 1 && ts === d.S) return [[x1, y1, x1, 0], [x2, H, x2, y2]];
    if (k === 2 && to === 1 && fo === d.N) return [[x1, y1, W, y1], [0, y2, x2, y2]];
    if (k === 3 && fo === 1 && to === d.N) return [[x1, y1, 0, y1], [W, y2, x2, y2]];
    return [[x1, y1, x2, y2]];
  }

  function lane(a, cell) { return (a - 1.5) * Math.min(4, Math.max(1, cell * 0.07)); }

  function heatColour(v) { // 0..1 -> dark blue .. yellow
    const r = Math.round(40 + 215 * Math.min(1, v * 1.6)), g = Math.round(30 + 200 * v), b = Math.round(90 * (1 - v) + 20);
    return `rgb(${r},${g},${b})`;
  }

  function rolesOf(jobs) {
    const R = { collectors: new Map(), mappers: new Map(), reducers: new Map(), los: new Map() };
    for (const j of jobs) {
      for (const [k, p] of j.collectors) R.collectors.set(k, p);
      for (const [k, p] of j.mappers) R.mappers.set(k, p);
      if (j.reducer) R.reducers.set(key(j.reducer[0], j.reducer[1]), j.reducer);
      if (j.los) R.los.set(key(j.los[0], j.los[1]), j.los);
    }
    return R;
  }

  function mark(ctx, kind, x, y, r) {
    ctx.beginPath();
    if (kind === 'collector') ctx.arc(x, y, r, 0, 2 * Math.PI);
    else if (kind === 'mapper') ctx.rect(x - r, y - r, 2 * r, 2 * r);
    else if (kind === 'reducer') { ctx.moveTo(x, y - 1.4 * r); ctx.lineTo(x + 1.3 * r, y + r); ctx.lineTo(x - 1.3 * r, y + r); ctx.closePath(); }
    else if (kind === 'los') { ctx.moveTo(x, y - 1.5 * r); ctx.lineTo(x + 1.5 * r, y); ctx.lineTo(x, y + 1.5 * r); ctx.lineTo(x - 1.5 * r, y); ctx.closePath(); }
    ctx.fill(); ctx.stroke();
  }

  function drawRoles(ctx, R, pos, r) {
    ctx.lineWidth = 1.2;
    const styles = [['collectors', 'collector', COLOURS[0]], ['mappers', 'mapper', COLOURS[1]], ['reducers', 'reducer', COLOURS[2]], ['los', 'los', '#ffffff']];
    for (const [set, kind, colour] of styles) {
      ctx.fillStyle = colour; ctx.strokeStyle = '#0b0e13';
      for (const p of R[set].values()) { const xy = pos(p[0], p[1]); if (xy) mark(ctx, kind, xy[0], xy[1], kind === 'los' || kind === 'reducer' ? r * 1.3 : r); }
    }
  }

  function visibleJobs() { return V.job >= 0 ? [M.jobOrder[V.job]] : M.jobOrder; }

  function draw() {
    const d = dims();
    if (!M.sorted) sortHops();
    const cut = cutAt(V.now);
    agg.ensure(d, V.job);
    agg.moveTo(cut);
    V.direct = agg.total <= DIRECT_LIMIT;
    drawTorus(d, cut);
    drawEarth(d, cut);
    // the job list: at most 5 times a second (thousands of jobs would otherwise cost every frame)
    if (jobsDirty && (M.jobOrder.length < 50 || performance.now() - lastJobsRender > 200)) renderJobs();
    $('clock').textContent = `t = ${(V.now - (isFinite(M.tMin) ? M.tMin : 0)).toFixed(4)} s of ${span().toFixed(4)} s`;
    const st = $('stats');
    st.textContent = `${V.drawnHops} of ${M.ht.n} hops drawn${V.direct ? '' : ' (summed per link)'}, ${V.inFlight} in flight, ${M.events} events`;
    st.dataset.drawnHops = String(V.drawnHops);
    st.dataset.totalHops = String(M.ht.n);
  }

  function drawTorus(d, cut) {
    const cv = $('torus'), ctx = cv.getContext('2d');
    const cell = Math.min(cv.width / d.N, cv.height / d.S);
    ctx.clearRect(0, 0, cv.width, cv.height);
    // satellites (and the heat map of hops arrived, per satellite: figs. 9-10's contention)
    let maxVisit = 0;
    if (V.heat) for (let i = 0; i < agg.visits.length; i++) if (agg.visits[i] > maxVisit) maxVisit = agg.visits[i];
    for (let o = 1; o <= d.N; o++) {
      for (let s = 1; s <= d.S; s++) {
        if (V.heat) {
          const v = agg.visits[node(s, o, d)];
          ctx.fillStyle = v > 0 ? heatColour(v / maxVisit) : '#141a22';
          ctx.fillRect((o - 1) * cell + 0.5, (s - 1) * cell + 0.5, cell - 1, cell - 1);
        }
        ctx.fillStyle = '#3a4554';
        ctx.fillRect((o - 0.5) * cell - 1, (s - 0.5) * cell - 1, 2, 2);
      }
    }
    V.heatMax = maxVisit;
    if (V.heat && maxVisit > 0) { ctx.fillStyle = '#dde3ea'; ctx.font = '11px sans-serif'; ctx.fillText(`heat: hops arrived per satellite, max ${maxVisit}`, 4, cv.height - 4); }
    ctx.lineCap = 'round';
    let drawn = 0;
    if (V.direct) {
      ctx.lineWidth = Math.min(3, Math.max(1, cell * 0.06));
      ctx.globalAlpha = 0.75;
      for (let i = 0; i < cut; i++) {
        if (V.job >= 0 && M.hj.a[i] !== V.job) continue;
        const a = M.ha.a[i], off = lane(a, cell);
        ctx.strokeStyle = COLOURS[a];
        ctx.beginPath();
        for (const [x1, y1, x2, y2] of segmentsTorus(M.hfs.a[i], M.hfo.a[i], M.hts.a[i], M.hto.a[i], d, cell)) {
          const vertical = Math.abs(x2 - x1) < Math.abs(y2 - y1);
          ctx.moveTo(x1 + (vertical ? off : 0), y1 + (vertical ? 0 : off));
          ctx.lineTo(x2 + (vertical ? off : 0), y2 + (vertical ? 0 : off));
        }
        ctx.stroke();
        drawn++;
      }
    } else {
      let max = 1;
      for (let i = 0; i < agg.counts.length; i++) if (agg.counts[i] > max) max = agg.counts[i];
      ctx.globalAlpha = 0.8;
      const nb = [[1, 0], [-1, 0], [0, 1], [0, -1]];
      for (let o = 1; o <= d.N; o++) for (let s = 1; s <= d.S; s++) {
        const base = node(s, o, d) * 4;
        for (let k = 0; k < 4; k++) for (let a = 0; a < NA; a++) {
          const c = agg.counts[(base + k) * NA + a];
          if (c <= 0) continue;
          const ts = (s - 1 + nb[k][0] + d.S) % d.S + 1, to = (o - 1 + nb[k][1] + d.N) % d.N + 1;
          ctx.strokeStyle = COLOURS[a];
          ctx.lineWidth = 0.5 + 2.5 * Math.log1p(c) / Math.log1p(max);
          const off = lane(a, cell);
          ctx.beginPath();
          for (const [x1, y1, x2, y2] of segmentsTorus(s, o, ts, to, d, cell)) {
            const vertical = Math.abs(x2 - x1) < Math.abs(y2 - y1);
            ctx.moveTo(x1 + (vertical ? off : 0), y1 + (vertical ? 0 : off));
            ctx.lineTo(x2 + (vertical ? off : 0), y2 + (vertical ? 0 : off));
          }
          ctx.stroke();
          drawn += c;
        }
      }
      drawn += agg.other;
    }
    ctx.globalAlpha = 1;
    V.drawnHops = drawn;
    // messages in flight: a dot moving along its current hop
    let dots = 0, inFlight = 0;
    const lo = V.now - M.maxHopDur;
    const cand = [];
    for (let i = cut - 1; i >= 0 && M.ht.a[i] >= lo; i--) {
      if (V.job >= 0 && M.hj.a[i] !== V.job) continue;
      const end = M.hend.a[i];
      if (isNaN(end) ? i >= cut - 1 : end > V.now) cand.push(i);
    }
    inFlight = cand.length;
    const step = Math.max(1, Math.ceil(cand.length / MAX_DOTS));
    for (let c = 0; c < cand.length; c += step) {
      const i = cand[c];
      const end = M.hend.a[i];
      const f = isNaN(end) || end <= M.ht.a[i] ? 0.5 : (V.now - M.ht.a[i]) / (end - M.ht.a[i]);
      const segs = segmentsTorus(M.hfs.a[i], M.hfo.a[i], M.hts.a[i], M.hto.a[i], d, cell);
      const sg = segs.length === 1 ? segs[0] : (f < 0.5 ? segs[0] : segs[1]);
      const g = segs.length === 1 ? f : (f < 0.5 ? f * 2 : f * 2 - 1);
      ctx.fillStyle = COLOURS[M.ha.a[i]];
      ctx.beginPath();
      ctx.arc(sg[0] + (sg[2] - sg[0]) * g, sg[1] + (sg[3] - sg[1]) * g, Math.min(6, Math.max(2, cell * 0.16)), 0, 2 * Math.PI);
      ctx.fill();
      dots++;
    }
    V.inFlight = inFlight;
    drawRoles(ctx, rolesOf(visibleJobs()), (s, o) => [(o - 0.5) * cell, (s - 0.5) * cell], Math.min(9, Math.max(2.5, cell * 0.2)));
  }

  function drawEarth(d, cut) {
    const cv = $('earth'), ctx = cv.getContext('2d');
    const W = cv.width, H = cv.height;
    const X = (lon) => (lon + 180) / 360 * W, Y = (lat) => (90 - lat) / 180 * H;
    ctx.clearRect(0, 0, W, H);
    ctx.strokeStyle = '#1c2531'; ctx.lineWidth = 1;
    for (let lon = -180; lon <= 180; lon += 30) { ctx.beginPath(); ctx.moveTo(X(lon), 0); ctx.lineTo(X(lon), H); ctx.stroke(); }
    for (let lat = -60; lat <= 60; lat += 30) { ctx.beginPath(); ctx.moveTo(0, Y(lat)); ctx.lineTo(W, Y(lat)); ctx.stroke(); }
    if (coast) {
      ctx.fillStyle = '#1d2b22'; ctx.strokeStyle = '#4f7a5c';
      for (const ring of coast.rings) {
        ctx.beginPath();
        ring.forEach(([lon, lat], i) => (i ? ctx.lineTo(X(lon), Y(lat)) : ctx.moveTo(X(lon), Y(lat))));
        ctx.closePath(); ctx.fill(); ctx.stroke();
      }
    }
    const pts = new Float64Array(d.N * d.S * 2);
    ctx.fillStyle = '#5c6b7d';
    for (let o = 1; o <= d.N; o++) for (let s = 1; s <= d.S; s++) {
      const [lat, lon] = subPoint(s, o, V.now, d);
      const n = node(s, o, d);
      pts[2 * n] = X(lon); pts[2 * n + 1] = Y(lat);
      ctx.fillRect(pts[2 * n] - 1, pts[2 * n + 1] - 1, 2, 2);
    }
    const pos = (s, o) => (s <= d.S && o <= d.N ? [pts[2 * node(s, o, d)], pts[2 * node(s, o, d) + 1]] : null);
    const line = (fs, fo, ts, to) => {
      const a = pos(fs, fo), b = pos(ts, to);
      if (!a || !b || Math.abs(a[0] - b[0]) > W / 2) return; // crossing the date line: skip on a flat map
      ctx.moveTo(a[0], a[1]); ctx.lineTo(b[0], b[1]);
    };
    ctx.globalAlpha = 0.8;
    if (V.direct) {
      ctx.lineWidth = 1.5;
      for (let i = 0; i < cut; i++) {
        if (V.job >= 0 && M.hj.a[i] !== V.job) continue;
        ctx.strokeStyle = COLOURS[M.ha.a[i]];
        ctx.beginPath(); line(M.hfs.a[i], M.hfo.a[i], M.hts.a[i], M.hto.a[i]); ctx.stroke();
      }
    } else {
      const nb = [[1, 0], [-1, 0], [0, 1], [0, -1]];
      for (let a = 0; a < NA; a++) {
        ctx.strokeStyle = COLOURS[a]; ctx.lineWidth = 1.2;
        ctx.beginPath();
        for (let o = 1; o <= d.N; o++) for (let s = 1; s <= d.S; s++) for (let k = 0; k < 4; k++) {
          if (agg.counts[((node(s, o, d) * 4) + k) * NA + a] > 0) line(s, o, (s - 1 + nb[k][0] + d.S) % d.S + 1, (o - 1 + nb[k][1] + d.N) % d.N + 1);
        }
        ctx.stroke();
      }
    }
    ctx.globalAlpha = 1;
    const jobs = visibleJobs();
    // AOI: the box around the job's collectors and candidate mappers (all of them AOI satellites)
    ctx.strokeStyle = '#ffd166'; ctx.setLineDash([5, 4]); ctx.lineWidth = 1.2;
    for (const j of jobs) {
      const ps = [...j.collectors.values(), ...j.mappers.values()].map((p) => pos(p[0], p[1])).filter((p) => p);
      if (ps.length < 2) continue;
      const xs = ps.map((p) => p[0]), ys = ps.map((p) => p[1]);
      const x0 = Math.min(...xs), x1 = Math.max(...xs);
      if (x1 - x0 > W / 2) continue; // straddles the date line
      ctx.strokeRect(x0 - 4, Math.min(...ys) - 4, x1 - x0 + 8, Math.max(...ys) - Math.min(...ys) + 8);
    }
    ctx.setLineDash([]);
    drawRoles(ctx, rolesOf(jobs), pos, 3.5);
    // the ground station: given to `view --ground`, else under the LOS satellite when the job was submitted
    const gs = new Map();
    if (M.shell.ground) gs.set('g', M.shell.ground);
    else for (const j of jobs) if (j.los && j.submitted !== null) { const g = subPoint(j.los[0], j.los[1], j.submitted, d); gs.set(g.join(), g); }
    ctx.strokeStyle = '#ffffff'; ctx.lineWidth = 2.5;
    for (const [lat, lon] of gs.values()) {
      const x = X(lon), y = Y(lat);
      ctx.beginPath(); ctx.moveTo(x - 6, y); ctx.lineTo(x + 6, y); ctx.moveTo(x, y - 6); ctx.lineTo(x, y + 6); ctx.stroke();
    }
  }

  function fmt(x, digits) { return x === null || x === undefined || !isFinite(x) ? '' : Number(x).toFixed(digits); }

  const MAX_ROWS = 200;
  let lastJobsRender = 0;

  function renderJobs() {
    jobsDirty = false;
    lastJobsRender = performance.now();
    const tb = document.querySelector('#jobs tbody');
    const sel = $('job');
    if (sel.options.length !== M.jobOrder.length + 1) {
      for (let i = sel.options.length - 1; i < M.jobOrder.length; i++) {
        const j = M.jobOrder[i]; const o = document.createElement('option'); o.value = String(j.idx); o.textContent = j.id; sel.appendChild(o);
      }
    }
    const rows = [];
    const counts = { waiting: 0, running: 0, done: 0, failed: 0 };
    for (const j of M.jobOrder) {
      const e0 = j.end !== null ? j.end <= V.now + 1e-12 : M.mode === 'live' && j.outcome !== null;
      const s0 = e0 || (j.submitted !== null && j.submitted <= V.now);
      counts[e0 ? (j.failed ? 'failed' : 'done') : s0 ? 'running' : 'waiting']++;
    }
    $('jobcount').textContent = M.jobOrder.length ? `${M.jobOrder.length}: ${Object.entries(counts).filter(([, n]) => n).map(([k, n]) => `${n} ${k}`).join(', ')}` +
      (M.jobOrder.length > MAX_ROWS ? ` (first ${MAX_ROWS} listed; pick any in "job")` : '') : '';
    const listed = M.jobOrder.slice(0, MAX_ROWS);
    if (V.job >= MAX_ROWS) listed.unshift(M.jobOrder[V.job]);
    for (const j of listed) {
      // live, the gateway's outcome also ends a job whose last trace events have not (or will not) come
      const ended = j.end !== null ? j.end <= V.now + 1e-12 : M.mode === 'live' && j.outcome !== null;
      const started = ended || (j.submitted !== null && j.submitted <= V.now);
      const status = ended ? (j.failed ? 'failed' : 'done') : started ? 'running' : 'waiting';
      const out = j.outcome;
      let result = '';
      if (ended && !j.failed) {
        const parts = [];
        if (out && out.result && typeof out.result === 'object') {
          parts.push(out.result.files ? `files: ${out.result.files.join(', ')}` : `${Object.keys(out.result).length} keys`);
        }
        if (j.resultBytes !== null) parts.push(`${j.resultBytes} B`);
        result = parts.join(', ') || 'done';
      }
      const cost = j.plan ? `${j.plan.distance} hops${j.plan.allocation_cost !== null && j.plan.allocation_cost !== undefined ? ` (cost ${fmt(j.plan.allocation_cost, 1)})` : ''}` : '';
      const t0 = isFinite(M.tMin) ? M.tMin : 0;
      const time = ended ? (j.end !== null && j.submitted !== null ? fmt(j.end - j.submitted, 4) : out ? fmt(out.job_time, 4) : '')
        : started ? fmt(V.now - j.submitted, 4) + '…' : '';
      rows.push(`<tr data-job="${esc(j.id)}" data-status="${status}" class="${V.job === j.idx ? 'selected' : ''}">` +
        `<td title="${esc(j.id)}">${esc(j.id.length > 12 ? j.id.slice(0, 8) + '…' : j.id)}</td><td class="${status}">${status}</td>` +
        `<td>${j.submitted !== null ? fmt(j.submitted - t0, 4) : ''}</td><td>${time}</td><td>${esc(cost)}</td><td class="result">${esc(result)}</td></tr>` +
        (ended && j.failed ? `<tr data-reason-of="${esc(j.id)}"><td></td><td colspan="5" class="reason">${esc(j.failed)}</td></tr>` : ''));
    }
    const html = rows.join('');
    if (html !== lastJobsHtml) { tb.innerHTML = html; lastJobsHtml = html; } // untouched rows stay clickable
  }
  let lastJobsHtml = null;

  function esc(s) { return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c])); }

  // ------------------------------------------------------------------ loop and controls

  function frame(wall) {
    const dt = V.lastWall ? Math.min(0.25, (wall - V.lastWall) / 1000) : 0;
    V.lastWall = wall;
    if (V.playing) {
      if (V.follow) setNow(M.tMax);
      else {
        setNow(V.now + dt * V.speed * span() / PLAY_SECONDS);
        if (V.now >= M.tMax) { if (M.mode === 'live') V.follow = true; else setPlaying(false); }
      }
    }
    const t0 = performance.now();
    if (M.loaded || M.mode === 'live') draw();
    V.frames.push(performance.now() - t0);
    if (V.frames.length > 120) V.frames.shift();
    requestAnimationFrame(frame);
  }

  function setPlaying(p) {
    V.playing = p;
    if (!p) V.follow = false;
    else if (M.mode === 'replay' && V.now >= M.tMax) setNow(M.tMin);
    $('play').textContent = p ? 'Pause' : 'Play';
    $('play').dataset.playing = String(p);
  }

  function wire() {
    $('play').addEventListener('click', () => setPlaying(!V.playing));
    $('scrub').addEventListener('input', (e) => { V.follow = false; setNow(M.tMin + Number(e.target.value) / 10000 * span(), true); });
    $('speed').addEventListener('change', (e) => { V.speed = Number(e.target.value); });
    $('job').addEventListener('change', (e) => { V.job = e.target.value === '' ? -1 : Number(e.target.value); jobsDirty = true; });
    $('heat').addEventListener('change', (e) => { V.heat = e.target.checked; });
    document.querySelector('#jobs tbody').addEventListener('click', (e) => {
      const tr = e.target.closest('tr[data-job]');
      if (!tr) return;
      const j = M.jobs.get(tr.dataset.job);
      V.job = V.job === j.idx ? -1 : j.idx;
      $('job').value = V.job < 0 ? '' : String(V.job);
      jobsDirty = true;
    });
  }

  function problem(text) {
    const p = $('problems');
    p.hidden = false;
    p.textContent += (p.textContent ? '\n' : '') + text;
  }

  async function loadReplay() {
    const t0 = performance.now();
    const res = await fetch('/trace.jsonl');
    if (!res.ok) { problem(`cannot load the trace: HTTP ${res.status}`); return; }
    const reader = res.body.getReader();
    const dec = new TextDecoder();
    let rest = '', line = 0, bad = 0, lastYield = performance.now();
    const take = (text) => {
      line++;
      if (!text.trim()) return;
      let e;
      try { e = JSON.parse(text); } catch (x) { e = null; }
      if (!e || typeof e.t !== 'number' || typeof e.type !== 'string') { bad++; if (bad <= 5) problem(`served line ${line} is not a trace event: ${text.slice(0, 80)}`); return; }
      ingest(e);
    };
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest += dec.decode(value, { stream: true });
      let i;
      let start = 0;
      while ((i = rest.indexOf('\n', start)) >= 0) { take(rest.slice(start, i)); start = i + 1; }
      rest = rest.slice(start);
      if (performance.now() - lastYield > 200) {
        $('status').textContent = `loading: ${M.events} events…`;
        await new Promise((r) => setTimeout(r, 0));
        lastYield = performance.now();
      }
    }
    if (rest.trim()) take(rest);
    M.loadMs = performance.now() - t0;
    M.loaded = true;
    if (!isFinite(M.tMin)) { M.tMin = 0; M.tMax = 0; }
    setNow(M.tMin);
    jobsDirty = true;
    $('status').textContent = `${M.events} events, ${M.ht.n} hops, ${M.jobOrder.length} job(s); loaded in ${(M.loadMs / 1000).toFixed(1)} s`;
    document.body.dataset.loaded = 'true';
  }

  function startLive() {
    M.loaded = true;
    const es = new EventSource('/events');
    let opened = false;
    es.addEventListener('open', () => { if (opened) resetEvents(); opened = true; }); // a reconnect replays the backlog
    es.addEventListener('trace', (m) => {
      const batch = JSON.parse(m.data);
      for (const e of batch) ingest(e);
      if (!isFinite(V.now) || V.now < M.tMin) setNow(M.tMin);
      $('status').textContent = `live: ${M.events} events, ${M.jobOrder.length} job(s)`;
      jobsDirty = true;
    });
    es.addEventListener('backlog_end', () => { document.body.dataset.loaded = 'true'; });
    es.onerror = () => { $('status').textContent = 'live: connection lost, retrying…'; };
    const jobs = new EventSource('/subscribe');
    jobs.addEventListener('spacecomp', (m) => {
      const o = JSON.parse(m.data);
      const id = o.meta_data && o.meta_data.jobid;
      if (!id) return;
      M.outcomes.set(id, o);
      const j = job(id);
      j.outcome = o;
      if (!o.done && o.error && !j.failed) j.failed = o.error;
      jobsDirty = true;
    });
    setPlaying(true);
    V.follow = true;
  }

  async function main() {
    wire();
    requestAnimationFrame(frame);
    try {
      coast = await (await fetch('/viewer/coastline.json')).json();
    } catch (x) {
      problem('coastline not loaded: ' + x);
    }
    let meta;
    try {
      meta = await (await fetch('/viewer/meta.json')).json();
    } catch (x) {
      problem('cannot read /viewer/meta.json: ' + x);
      return;
    }
    M.meta = meta; M.mode = meta.mode;
    Object.assign(M.shell, meta.shell || {});
    $('mode').textContent = meta.mode;
    $('source').textContent = meta.mode === 'replay' ? `${meta.source} (${meta.events} events${meta.files > 1 ? `, ${meta.files} files` : ''})` : 'gateway';
    if (meta.error_count > 0) {
      problem(`${meta.error_count} bad line(s) skipped; the rest is shown:`);
      for (const e of meta.errors) problem(`  ${e.file} line ${e.line}: ${e.reason}`);
      if (meta.error_count > meta.errors.length) problem(`  … and ${meta.error_count - meta.errors.length} more`);
    }
    if (meta.mode === 'live') startLive(); else await loadReplay();
  }

  // What the browser tests (and curious users, from the console) read.
  window.spacecompViewer = {
    state() {
      const fr = V.frames.slice().sort((a, b) => a - b);
      return {
        mode: M.mode, loaded: M.loaded, events: M.events, hops: M.ht.n, drawnHops: V.drawnHops, direct: V.direct, inFlight: V.inFlight,
        heat: V.heat, heatMax: V.heatMax || 0,
        now: V.now, tMin: M.tMin, tMax: M.tMax, playing: V.playing, loadMs: M.loadMs,
        frameMsMedian: fr.length ? fr[fr.length >> 1] : 0, frameMsMax: fr.length ? fr[fr.length - 1] : 0,
        jobCount: M.jobOrder.length,
        jobs: M.jobOrder.slice(0, 20).map((j) => ({ id: j.id, end: j.end, failed: j.failed, hops: j.hops, resultBytes: j.resultBytes })),
        problems: $('problems').textContent,
      };
    },
  };

  main();
})();
