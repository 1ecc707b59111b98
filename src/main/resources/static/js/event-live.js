// The event page's photo counters, kept up to date while photos arrive and are processed.
(() => {
  const counts = document.getElementById('live-counts');
  if (!counts || !counts.dataset.eventId) return;
  const label = (status) => counts.dataset['t' + status.charAt(0) + status.slice(1).toLowerCase()] || status;
  const source = new EventSource('/pro/events/' + counts.dataset.eventId + '/progress');
  // The server closes streams with no news for a while: no reconnecting then.
  source.addEventListener('idle', () => source.close());
  const coverage = document.getElementById('coverage');
  const fill = (id, text) => { const el = document.getElementById(id); if (el) el.textContent = text; };
  const refreshCoverage = () => {
    if (!coverage) return;
    fetch('/pro/events/' + coverage.dataset.eventId + '/coverage', { headers: { Accept: 'application/json' } })
      .then((r) => r.ok ? r.json() : null)
      .then((c) => {
        if (!c) return;
        fill('coverage-photos', coverage.dataset.tPhotos.replace('{0}', c.photoShare).replace('{1}', c.linkedPhotos).replace('{2}', c.publishedPhotos));
        fill('coverage-runners', coverage.dataset.tRunners.replace('{0}', c.runnerShare).replace('{1}', c.runnersWithPhotos).replace('{2}', c.runners));
        fill('coverage-orphans', coverage.dataset.tOrphans.replace('{0}', c.orphans));
      });
  };
  refreshCoverage();
  let pending = null;
  source.addEventListener('counts', (e) => {
    // Many photos may finish at once: one coverage request per second at most.
    if (!pending) pending = setTimeout(() => { pending = null; refreshCoverage(); }, 1000);
    const entries = Object.entries(JSON.parse(e.data));
    counts.textContent = entries.length
      ? entries.map(([status, n]) => label(status).replace('{0}', n)).join(' · ')
      : counts.dataset.tNone;
  });
})();
