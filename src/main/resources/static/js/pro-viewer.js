// The team's photo page: ← and → go to the previous and next photo of the event, B goes to
// the bibs field, so that corrections run photo after photo.
(() => {
  const steps = document.getElementById('photo-steps');
  if (!steps) return;
  document.addEventListener('keydown', (e) => {
    const target = e.target;
    if (e.altKey || e.ctrlKey || e.metaKey || (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)))) return;
    if (e.key === 'ArrowLeft' && steps.dataset.previous) window.location.href = steps.dataset.previous;
    else if (e.key === 'ArrowRight' && steps.dataset.next) window.location.href = steps.dataset.next;
    else if (e.key === 'b' || e.key === 'B') {
      const bibs = document.getElementById('bibs');
      if (bibs) {
        e.preventDefault();
        bibs.focus();
        bibs.select();
      }
    }
  });
})();
