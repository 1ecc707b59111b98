// Public gallery: selfie search, the viewer's keys, swipes, favourites and sharing, and
// live results while the race goes on.
(() => {
  const FAVOURITES = 'focusracer-favourites';

  const csrf = () => {
    const header = document.querySelector('meta[name=csrf-header]');
    const token = document.querySelector('meta[name=csrf-token]');
    return header && token && header.content ? { [header.content]: token.content } : {};
  };

  const favourites = () => {
    try { return JSON.parse(localStorage.getItem(FAVOURITES)) || []; } catch (e) { return []; }
  };

  const tile = (item, alt) => {
    const li = document.createElement('li');
    li.className = 'public-tile';
    const a = document.createElement('a');
    a.href = item.pageUrl;
    a.dataset.photo = item.id;
    const img = document.createElement('img');
    img.src = item.thumbnailUrl;
    img.width = 480;
    img.height = 320;
    img.loading = 'lazy';
    img.decoding = 'async';
    img.alt = alt || '';
    a.appendChild(img);
    li.appendChild(a);
    return li;
  };

  // Selfie search: the picture goes to the API in memory and the results are drawn here.
  const form = document.getElementById('selfie-form');
  if (form) {
    const status = document.getElementById('selfie-status');
    const results = document.getElementById('selfie-results');
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const data = new FormData(form);
      if (!document.getElementById('selfie-consent').checked) return;
      status.textContent = form.dataset.busy;
      results.replaceChildren();
      fetch(form.action, { method: 'POST', body: data, headers: { Accept: 'application/json', 'Accept-Language': document.documentElement.lang } })
        .then((r) => r.json().then((body) => ({ ok: r.ok, body })))
        .then(({ ok, body }) => {
          if (!ok) { status.textContent = body.detail || form.dataset.failed; return; }
          status.textContent = body.items.length ? '' : form.dataset.none;
          for (const tier of ['PROBABLE', 'POSSIBLE']) {
            const items = body.items.filter((i) => i.tier === tier);
            if (!items.length) continue;
            const h = document.createElement('h3');
            h.textContent = tier === 'PROBABLE' ? form.dataset.probable : form.dataset.possible;
            const ul = document.createElement('ul');
            ul.className = 'photo-grid public-grid selfie-' + tier.toLowerCase();
            items.forEach((i) => ul.appendChild(tile(i, form.dataset.alt)));
            results.append(h, ul);
          }
        })
        .catch(() => { status.textContent = form.dataset.failed; });
    });
  }

  // Live results: photos of the searched bib appear as they are published.
  const results = document.getElementById('results');
  if (results && results.dataset.bib && window.EventSource) {
    const source = new EventSource(results.dataset.live);
    // The server closes streams with no news for a while: no reconnecting then.
    source.addEventListener('idle', () => source.close());
    source.addEventListener('photo', (e) => {
      const item = JSON.parse(e.data);
      if (results.querySelector('[data-photo="' + item.id + '"]')) return;
      let grid = results.querySelector('.photo-grid');
      if (!grid) {
        grid = document.createElement('ul');
        grid.className = 'photo-grid public-grid';
        const none = document.getElementById('no-photos');
        if (none) none.replaceWith(grid); else results.appendChild(grid);
      }
      const li = tile(item, '');
      li.querySelector('a').href += '?bib=' + encodeURIComponent(results.dataset.bib);
      grid.prepend(li);
      document.getElementById('live-note').hidden = false;
    });
  }

  // The viewer.
  const viewer = document.getElementById('viewer');
  if (viewer) {
    const go = (url) => { if (url) window.location.href = url; };
    document.addEventListener('keydown', (e) => {
      if (e.target.matches('input, textarea')) return;
      if (e.key === 'ArrowLeft') go(viewer.dataset.previous);
      else if (e.key === 'ArrowRight') go(viewer.dataset.next);
      else if (e.key === 'Escape') go(viewer.dataset.back);
    });
    let startX = null;
    let startY = null;
    const photo = document.getElementById('viewer-photo');
    photo.addEventListener('touchstart', (e) => { startX = e.touches[0].clientX; startY = e.touches[0].clientY; }, { passive: true });
    photo.addEventListener('touchend', (e) => {
      if (startX === null) return;
      const dx = e.changedTouches[0].clientX - startX;
      const dy = e.changedTouches[0].clientY - startY;
      startX = null;
      if (Math.abs(dx) > 50 && Math.abs(dx) > Math.abs(dy)) go(dx > 0 ? viewer.dataset.previous : viewer.dataset.next);
    });

    const button = document.getElementById('favourite');
    const id = viewer.dataset.photo;
    const paint = () => {
      const on = favourites().some((f) => f.id === id);
      button.textContent = on ? button.dataset.remove : button.dataset.add;
      button.setAttribute('aria-pressed', on ? 'true' : 'false');
    };
    button.addEventListener('click', () => {
      const list = favourites();
      const at = list.findIndex((f) => f.id === id);
      if (at >= 0) list.splice(at, 1);
      else list.push({ id, event: viewer.dataset.event, pageUrl: viewer.dataset.page, thumbnailUrl: viewer.dataset.thumb });
      localStorage.setItem(FAVOURITES, JSON.stringify(list));
      paint();
      if (button.dataset.account === 'true') {
        // Signed in: kept in the account too, for every device.
        fetch('/favourites/' + id + '?on=' + (at < 0), { method: 'POST', headers: csrf() });
      }
    });
    paint();

    // Share where the phone can (its share sheet), else a "copy link" button: the
    // address is copied, never shown as a raw field to select by hand.
    const share = document.getElementById('share');
    if (!navigator.share) share.textContent = share.dataset.copy;
    const copy = (url) => {
      if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(url);
      const area = document.createElement('textarea');
      area.value = url;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.append(area);
      area.select();
      const done = document.execCommand('copy');
      area.remove();
      return done ? Promise.resolve() : Promise.reject(new Error('copy'));
    };
    share.addEventListener('click', () => {
      const url = share.dataset.url;
      if (navigator.share) {
        navigator.share({ url }).catch(() => {});
        return;
      }
      copy(url).then(() => { share.textContent = share.dataset.copied; }, () => { window.prompt(share.dataset.copy, url); });
    });
  }

  // The favourites page.
  const list = document.getElementById('favourites');
  if (list) {
    const show = (items) => {
      list.replaceChildren();
      document.getElementById('favourites-none').hidden = items.length > 0;
      items.forEach((f) => list.appendChild(tile(f, '')));
    };
    show(favourites());
    if (list.dataset.account === 'true') {
      // The browser's favourites join the account's; the account's list is then shown.
      const body = new URLSearchParams();
      favourites().forEach((f) => body.append('id', f.id));
      fetch('/favourites/merge', { method: 'POST', body, headers: csrf() })
        .then((r) => r.ok ? r.json() : null)
        .then((items) => {
          if (!items) return;
          localStorage.setItem(FAVOURITES, JSON.stringify(items.map((i) => ({ id: i.id, pageUrl: i.pageUrl, thumbnailUrl: i.thumbnailUrl }))));
          show(items);
        });
    }
  }
})();
