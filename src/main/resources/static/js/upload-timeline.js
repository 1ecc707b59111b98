// The upload page's four steps (compression when the downscale option is on, upload,
// processing, done) as progress rings, from the progress upload.js reports (its own
// byte counts and the server's live stage events); and a "Did you know?" fact each time
// the whole batch goes 10 % further.
(() => {
  const root = document.getElementById('uploader');
  const timeline = document.getElementById('upload-timeline');
  if (!root || !timeline) return;
  const steps = {};
  for (const li of timeline.querySelectorAll('[data-step]')) {
    steps[li.dataset.step] = {
      li,
      ring: li.querySelector('.ring-value'),
      pct: li.querySelector('.ring-pct'),
    };
  }
  const factBox = document.getElementById('upload-fact');
  const factText = document.getElementById('fact-text');
  const facts = Array.isArray(window.FocusRacerFacts) ? window.FocusRacerFacts : [];
  const english = (document.documentElement.lang || '').toLowerCase().startsWith('en');
  let nextFact = facts.length ? Math.floor(Math.random() * facts.length) : 0;
  let lastTenth = -1;

  function show(name, share, status) {
    const step = steps[name];
    const pct = Math.max(0, Math.min(100, Math.round(share * 100)));
    step.ring.setAttribute('stroke-dasharray', pct + ' 100');
    step.li.dataset.status = status;
    step.li.dataset.pct = String(pct);
    step.pct.textContent = status === 'skipped' ? timeline.dataset.tSkipped : pct + ' %';
  }

  function status(share, started) {
    if (share >= 1) return 'done';
    return started ? 'active' : 'pending';
  }

  function showFact() {
    if (!facts.length) return;
    const fact = facts[nextFact % facts.length];
    nextFact++;
    factText.textContent = english ? fact.en : fact.fr;
    factBox.hidden = false;
    factBox.dataset.shown = String(Number(factBox.dataset.shown || 0) + 1);
  }

  root.addEventListener('upload-progress', (e) => {
    const p = e.detail;
    if (!p.files) return;
    const compress = p.downscale ? p.compress : 1;
    if (p.downscale) show('compress', compress, status(compress, true));
    else show('compress', 0, 'skipped');
    show('upload', p.upload, status(p.upload, compress > 0 || !p.downscale));
    show('process', p.process, status(p.process, p.process > 0));
    show('done', p.done ? 1 : 0, p.done ? 'done' : 'pending');
    // The batch as a whole: each step its share of the way.
    const overall = p.done ? 1 : (p.downscale ? 0.15 * compress + 0.4 * p.upload + 0.45 * p.process
      : 0.45 * p.upload + 0.55 * p.process);
    timeline.dataset.progress = String(Math.round(overall * 100));
    const tenth = Math.floor(overall * 10);
    // More files dropped: the batch starts over from where it now stands.
    if (tenth < lastTenth) lastTenth = tenth;
    if (tenth > lastTenth) {
      lastTenth = tenth;
      showFact();
    }
  });
})();
