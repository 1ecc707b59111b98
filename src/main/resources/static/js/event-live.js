// The event page's photo counters, kept up to date while photos arrive and are processed.
(() => {
  const counts = document.getElementById('live-counts');
  if (!counts || !counts.dataset.eventId) return;
  const label = (status) => counts.dataset['t' + status.charAt(0) + status.slice(1).toLowerCase()] || status;
  const source = new EventSource('/pro/events/' + counts.dataset.eventId + '/progress');
  source.addEventListener('counts', (e) => {
    const entries = Object.entries(JSON.parse(e.data));
    counts.textContent = entries.length
      ? entries.map(([status, n]) => n + ' ' + label(status)).join(' · ')
      : counts.dataset.tNone;
  });
})();
