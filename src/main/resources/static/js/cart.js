// The cart: kept in the browser (and in a runner's account when signed in), priced by
// the server for each event, checked out one event at a time.
(() => {
  const CART = 'focusracer-cart';
  const runner = document.body.dataset.runner === 'true';

  const csrf = () => {
    const header = document.querySelector('meta[name=csrf-header]');
    const token = document.querySelector('meta[name=csrf-token]');
    return header && token && header.content ? { [header.content]: token.content } : {};
  };

  const load = () => {
    try { return JSON.parse(localStorage.getItem(CART)) || []; } catch (e) { return []; }
  };

  const count = () => {
    const n = load().length;
    document.querySelectorAll('.cart-count').forEach((el) => { el.textContent = n > 0 ? String(n) : ''; });
  };

  const save = (list) => {
    localStorage.setItem(CART, JSON.stringify(list));
    count();
    if (runner) {
      fetch('/account/cart', { method: 'PUT', headers: { ...csrf(), 'Content-Type': 'application/json' }, body: JSON.stringify(list) });
    }
  };

  // A signed-in runner finds the cart of their other devices, merged with this one.
  if (runner && !sessionStorage.getItem('focusracer-cart-merged')) {
    fetch('/account/cart', { headers: { Accept: 'application/json' } })
      .then((r) => (r.ok ? r.json() : []))
      .then((saved) => {
        const list = load();
        saved.filter((item) => item && item.id && !list.some((i) => i.id === item.id)).forEach((item) => list.push(item));
        sessionStorage.setItem('focusracer-cart-merged', '1');
        save(list);
        render();
      })
      .catch(() => {});
  }

  // "Add to cart" buttons on tiles and in the viewer.
  document.querySelectorAll('[data-cart-add]').forEach((button) => {
    const item = {
      id: button.dataset.photo, event: button.dataset.event, eventName: button.dataset.eventName,
      thumb: button.dataset.thumb, page: button.dataset.page,
    };
    const paint = () => {
      const on = load().some((i) => i.id === item.id);
      button.textContent = on ? button.dataset.remove : button.dataset.add;
      button.setAttribute('aria-pressed', on ? 'true' : 'false');
      button.classList.toggle('in-cart', on);
    };
    button.addEventListener('click', (e) => {
      e.preventDefault();
      const list = load();
      const at = list.findIndex((i) => i.id === item.id);
      if (at >= 0) list.splice(at, 1);
      else {
        list.push(item);
        // Counted per event and day, nothing else sent (docs/analytics.md).
        fetch('/events/' + encodeURIComponent(item.event) + '/cart-additions', { method: 'POST', headers: csrf(), keepalive: true }).catch(() => {});
      }
      save(list);
      paint();
    });
    paint();
  });
  count();

  // "My N best photos" for a pack: the first N of a runner's results, which come best
  // first (portrait score, on events with face features on), put in the cart.
  document.querySelectorAll('[data-cart-pack]').forEach((button) => {
    button.addEventListener('click', () => {
      const wanted = Number(button.dataset.count);
      const tiles = Array.from(document.querySelectorAll('#results [data-cart-add], .photo-grid [data-cart-add]'));
      tiles.slice(0, wanted).forEach((tile) => {
        if (tile.getAttribute('aria-pressed') !== 'true') tile.click();
      });
    });
  });

  // The cart page: one card per event, each priced by the server.
  const cart = document.getElementById('cart');
  function render() {
    if (!cart) return;
    const template = document.getElementById('cart-group');
    cart.textContent = '';
    const groups = new Map();
    load().forEach((item) => {
      if (!groups.has(item.event)) groups.set(item.event, []);
      groups.get(item.event).push(item);
    });
    document.getElementById('cart-empty').hidden = groups.size > 0;
    groups.forEach((items, slug) => {
      const group = template.content.firstElementChild.cloneNode(true);
      group.dataset.event = slug;
      group.querySelector('.cart-event').textContent = items[0].eventName || slug;
      const photos = group.querySelector('.cart-photos');
      const form = group.querySelector('.checkout-form');
      form.querySelector('.cart-event-slug').value = slug;
      items.forEach((item) => {
        const li = document.createElement('li');
        li.className = 'public-tile cart-tile';
        const a = document.createElement('a');
        a.href = item.page;
        const img = document.createElement('img');
        img.src = item.thumb;
        img.alt = '';
        img.width = 480;
        img.height = 320;
        a.appendChild(img);
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'button small secondary cart-remove';
        remove.textContent = cart.dataset.remove;
        remove.addEventListener('click', () => { save(load().filter((i) => i.id !== item.id)); render(); });
        li.append(a, remove);
        photos.appendChild(li);
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = 'photo';
        input.value = item.id;
        form.appendChild(input);
      });
      const quote = group.querySelector('.cart-quote');
      const price = () => {
        const body = new FormData(form);
        fetch('/cart/quote', { method: 'POST', headers: csrf(), body })
          .then((r) => r.text())
          .then((html) => {
            quote.innerHTML = html;
            const offer = quote.querySelector('.upsell-take');
            if (offer) {
              offer.addEventListener('click', () => {
                form.querySelector('.cart-all-photos').value = 'true';
                form.querySelector('.cart-bib').value = offer.dataset.bib;
                price();
              });
            }
            const web = quote.querySelector('[data-web-offered]');
            form.querySelector('.cart-resolution-row').hidden = !(web && web.dataset.webOffered === 'true');
            // The web version's price, next to the choice (the quote is priced on the server).
            if (web && web.dataset.webLabel) form.querySelector('.cart-web-label').textContent = web.dataset.webLabel;
            form.querySelector('.checkout').disabled = !!quote.querySelector('.quote-error');
          });
      };
      form.querySelector('.cart-email').addEventListener('change', price);
      form.querySelector('.cart-resolution').addEventListener('change', price);
      cart.appendChild(group);
      price();
    });
  }
  render();

  // An order was just placed: its photos leave the cart (not before: a refused checkout
  // keeps the cart as it was).
  const placed = document.getElementById('order-placed');
  if (placed) {
    const ordered = placed.dataset.photos.split(',');
    save(load().filter((i) => !ordered.includes(i.id)));
  }
})();
