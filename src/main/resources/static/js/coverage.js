// The race-day coverage board: runners leave the "no photo yet" list as their photos are
// published; photos linked to nobody join the orphans.
(() => {
  const board = document.getElementById('board');
  if (!board) return;
  const eventId = board.dataset.eventId;
  const source = new EventSource('/pro/events/' + eventId + '/coverage/live');
  // The server closes streams with no news for a while: no reconnecting then.
  source.addEventListener('idle', () => source.close());
  const text = (template, ...values) => values.reduce((t, v, i) => t.replace('{' + i + '}', v), template);
  const missingLeft = () => board.querySelectorAll('.board-runners li').length;
  source.addEventListener('figures', (e) => {
    const f = JSON.parse(e.data);
    document.getElementById('board-figures').textContent =
      text(board.dataset.tFigures, f.runnersWithPhotos, f.runners, f.publishedPhotos);
    document.getElementById('orphan-count').textContent = text(board.dataset.tOrphans, f.orphans);
  });
  source.addEventListener('photo', (e) => {
    const photo = JSON.parse(e.data);
    if (photo.bibs.length === 0) {
      const list = document.getElementById('board-orphans');
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = '/pro/photos/' + photo.photoId;
      const img = document.createElement('img');
      img.src = '/pro/photos/' + photo.photoId + '/preview.jpg';
      img.alt = photo.fileName;
      img.width = 240;
      img.height = 160;
      link.appendChild(img);
      item.appendChild(link);
      list.prepend(item);
      return;
    }
    photo.bibs.forEach((bib) => {
      board.querySelectorAll('.board-runners li').forEach((li) => {
        if (li.dataset.bib !== bib) return;
        const category = li.closest('.board-category');
        const wave = li.closest('.board-wave');
        li.remove();
        const waveLeft = wave.querySelectorAll('li').length;
        const waveCount = wave.querySelector('h3 .count');
        if (waveLeft === 0) wave.remove(); else if (waveCount) waveCount.textContent = waveLeft;
        const count = category.querySelector('summary .count');
        const left = category.querySelectorAll('li').length;
        if (left === 0) category.remove(); else count.textContent = left;
      });
    });
    document.getElementById('missing-count').textContent = text(board.dataset.tMissing, missingLeft());
  });
})();
