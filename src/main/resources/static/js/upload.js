// Resumable photo uploads: each file goes in chunks, each chunk at the offset the server
// confirmed; a dropped connection or a server restart resumes from that offset, never from zero.
(() => {
  const root = document.getElementById('uploader');
  if (!root) return;
  const eventId = root.dataset.eventId;
  const t = (key) => root.dataset['t' + key.charAt(0).toUpperCase() + key.slice(1)] || key;
  const maxBytes = Number(root.dataset.maxBytes);
  const csrfHeader = document.querySelector('meta[name="csrf-header"]').content;
  const csrfToken = document.querySelector('meta[name="csrf-token"]').content;
  const CHUNK = 2 * 1024 * 1024;
  const PARALLEL = 3;
  const list = document.getElementById('upload-list');
  const overall = document.getElementById('overall');
  const overallText = document.getElementById('overall-text');
  const queue = [];
  const items = [];
  const byPhoto = new Map();
  // Small photos can be published before the browser has read the answer to their last chunk.
  const early = new Map();
  let active = 0;

  const headers = (extra) => Object.assign({ [csrfHeader]: csrfToken }, extra || {});
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  function row(file) {
    const li = document.createElement('li');
    li.className = 'upload-item';
    const name = document.createElement('span');
    name.className = 'upload-name';
    name.textContent = file.name;
    const bar = document.createElement('progress');
    bar.max = 100;
    bar.value = 0;
    const state = document.createElement('span');
    state.className = 'upload-state';
    li.append(name, bar, state);
    return { li, bar, state };
  }

  function setState(item, key, detail) {
    item.view.state.textContent = t(key) + (detail ? ' — ' + detail : '');
    item.view.li.dataset.state = key;
  }

  function refreshOverall() {
    let size = 0;
    let sent = 0;
    for (const item of items) {
      size += item.size;
      sent += Math.min(item.sent, item.size);
    }
    overall.value = size ? Math.floor((sent * 100) / size) : 0;
    const done = items.filter((i) => ['received', 'processing', 'published', 'duplicate', 'rejected', 'failed'].includes(i.view.li.dataset.state)).length;
    overallText.textContent = done + ' / ' + items.length;
    refreshSummary();
    root.dispatchEvent(new CustomEvent('upload-progress', { detail: snapshot() }));
  }

  // Where the batch stands, step by step (0-1 each), for the timeline's rings.
  const TERMINAL = ['published', 'duplicate', 'rejected', 'failed'];
  const STAGE_SHARE = { received: 0, derive: 0.2, 'read-bibs': 0.45, faces: 0.65, link: 0.8, publish: 0.9 };
  function snapshot() {
    let size = 0, sent = 0, compressible = 0, compressed = 0, processed = 0, finished = 0;
    for (const item of items) {
      const state = item.view.li.dataset.state;
      const over = TERMINAL.includes(state);
      if (over) finished++;
      size += item.size;
      sent += over ? item.size : Math.min(item.sent, item.size);
      if (item.compressible) {
        compressible++;
        if (item.compressed || over) compressed++;
      }
      processed += over ? 1 : (STAGE_SHARE[item.stage] || 0);
    }
    const n = items.length;
    return {
      files: n,
      downscale: compressible > 0,
      compress: compressible ? compressed / compressible : 0,
      upload: size ? sent / size : 0,
      process: n ? processed / n : 0,
      done: n > 0 && finished === n,
    };
  }

  function addFiles(files) {
    const fragment = document.createDocumentFragment();
    for (const file of files) {
      const item = { file, size: file.size, sent: 0, view: row(file) };
      items.push(item);
      fragment.append(item.view.li);
      const okType = /^image\/(jpeg|png)$/.test(file.type) || /\.(jpe?g|png)$/i.test(file.name);
      if (!okType) {
        setState(item, 'rejected', t('format'));
      } else if (file.size > maxBytes) {
        setState(item, 'rejected', t('toolarge'));
      } else {
        setState(item, 'queued');
        item.compressible = document.getElementById('downscale').checked && !!window.createImageBitmap;
        queue.push(item);
      }
    }
    list.append(fragment);
    refreshOverall();
    pump();
  }

  function pump() {
    while (active < PARALLEL && queue.length) {
      const item = queue.shift();
      active++;
      upload(item).finally(() => {
        active--;
        pump();
      });
    }
  }

  async function downscaled(file) {
    if (!document.getElementById('downscale').checked || !window.createImageBitmap) return file;
    try {
      const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
      const scale = Math.min(1, 4000 / Math.max(bitmap.width, bitmap.height));
      if (scale === 1) return file;
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.9));
      return blob || file;
    } catch (e) {
      return file;
    }
  }

  async function json(response) {
    try {
      return await response.json();
    } catch (e) {
      return {};
    }
  }

  async function upload(item) {
    setState(item, 'uploading');
    const body = await downscaled(item.file);
    item.size = body.size;
    item.compressed = true;
    const fingerprint = [item.file.name, item.file.size, item.file.lastModified, body === item.file ? 'o' : 'd'].join(':');
    let delay = 1000;
    let upload = null;
    for (;;) {
      try {
        if (!upload) {
          const response = await fetch('/pro/events/' + eventId + '/uploads', {
            method: 'POST',
            headers: headers({ 'Content-Type': 'application/json' }),
            body: JSON.stringify({ fileName: item.file.name, size: body.size, fingerprint }),
          });
          const data = await json(response);
          if (!response.ok) {
            setState(item, 'rejected', data.message || data.detail || response.status);
            return;
          }
          upload = data;
          item.sent = data.offset;
        }
        if (item.sent >= body.size) {
          // Every byte is there but the answer was lost: ask again with an empty chunk.
        }
        const end = Math.min(body.size, item.sent + CHUNK);
        const response = await fetch('/pro/uploads/' + upload.id, {
          method: 'PATCH',
          headers: headers({ 'Upload-Offset': String(item.sent), 'Content-Type': 'application/offset+octet-stream' }),
          body: body.slice(item.sent, end),
        });
        const data = await json(response);
        if (response.status === 409) {
          // At another offset than the server's, or another chunk of this file is being
          // stored (an earlier try still on its way): send from the server's offset, after
          // a pause in the second case.
          if (data.busy) await sleep(1000);
          item.sent = data.offset;
          continue;
        }
        if (response.status === 404) {
          upload = null;
          continue;
        }
        if (response.status === 413) {
          // Sending it again would be refused again: say why and stop.
          setState(item, 'rejected', data.message || data.detail || response.status);
          return;
        }
        if (!response.ok) throw new Error('HTTP ' + response.status);
        delay = 1000;
        item.sent = data.offset;
        item.view.bar.value = Math.floor((item.sent * 100) / body.size);
        refreshOverall();
        if (data.outcome) {
          finish(item, data);
          return;
        }
      } catch (e) {
        // Network down or server restarting: wait, then ask the server how far it got.
        setState(item, 'retrying');
        await sleep(delay);
        delay = Math.min(30000, delay * 2);
        if (upload) {
          try {
            const response = await fetch('/pro/uploads/' + upload.id, { headers: headers() });
            if (response.ok) item.sent = (await json(response)).offset;
            else if (response.status === 404) upload = null;
          } catch (ignored) {
            // still offline
          }
        }
        setState(item, 'uploading');
      }
    }
  }

  function finish(item, data) {
    item.view.bar.value = 100;
    if (data.outcome === 'ACCEPTED') {
      setState(item, 'received');
      byPhoto.set(data.photoId, item);
      if (early.has(data.photoId)) {
        const seen = early.get(data.photoId);
        showStage(item, seen.stage, seen.bibs, seen.unlisted);
        early.delete(data.photoId);
      }
    } else if (data.outcome === 'DUPLICATE') {
      setState(item, 'duplicate', data.message);
    } else {
      setState(item, 'rejected', data.message);
    }
    refreshOverall();
  }

  const drop = document.getElementById('dropzone');
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    addFiles(e.dataTransfer.files);
  });
  document.getElementById('files').addEventListener('change', (e) => {
    addFiles(e.target.files);
    e.target.value = '';
  });

  const source = new EventSource('/pro/events/' + eventId + '/progress');
  // The server closes streams with no news for a while: no reconnecting then.
  source.addEventListener('idle', () => source.close());
  function showStage(item, stage, bibs, unlisted) {
    if (item.view.li.dataset.state === 'published' || item.view.li.dataset.state === 'failed') return;
    item.stage = stage;
    if (stage === 'published' && Array.isArray(bibs)) {
      // The runners recognised on the photo, as soon as it is published, and the numbers
      // read that the start list lacks.
      const parts = [];
      if (bibs.length) parts.push(t('bibs').replace('{0}', bibs.join(' ')));
      if (unlisted && unlisted.length) parts.push(t('unlisted').replace('{0}', unlisted.join(' ')));
      setState(item, 'published', parts.length ? parts.join(' · ') : t('nobib'));
      item.view.li.dataset.bibs = bibs.join(' ');
      item.view.li.dataset.unlisted = (unlisted || []).join(' ');
    }
    else if (stage === 'published') setState(item, 'published');
    else if (stage.startsWith('failed:')) setState(item, 'failed', stage.substring(7));
    else if (stage !== 'received') setState(item, 'processing', stageLabel(stage));
    refreshOverall();
  }

  // The pipeline's stage names (derive, read-bibs…) in the photographer's words.
  function stageLabel(stage) {
    const key = 's' + stage.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
    return root.dataset[key] || '';
  }

  // Once every photo of the batch has an outcome: what came of it, in one line.
  function refreshSummary() {
    const states = items.map((i) => i.view.li.dataset.state);
    if (!items.length || states.some((s) => ['queued', 'uploading', 'retrying', 'received', 'processing'].includes(s))) return;
    const published = items.filter((i) => i.view.li.dataset.state === 'published');
    const withBib = published.filter((i) => i.view.li.dataset.bibs).length;
    const unlistedReads = published.filter((i) => i.view.li.dataset.unlisted).length;
    const noRead = published.filter((i) => !i.view.li.dataset.bibs && !i.view.li.dataset.unlisted).length;
    const summary = document.getElementById('upload-summary');
    summary.textContent = t('summary')
      .replace('{0}', published.length)
      .replace('{1}', withBib)
      .replace('{2}', unlistedReads)
      .replace('{3}', noRead)
      .replace('{4}', states.filter((s) => s === 'duplicate').length)
      .replace('{5}', states.filter((s) => s === 'rejected' || s === 'failed').length);
    summary.hidden = false;
  }

  source.addEventListener('photo', (e) => {
    const data = JSON.parse(e.data);
    const item = byPhoto.get(data.photoId);
    if (item) {
      showStage(item, data.stage, data.bibs, data.unlisted);
    } else if (data.stage !== 'received') {
      early.set(data.photoId, data);
    }
  });
  source.addEventListener('counts', (e) => {
    const counts = JSON.parse(e.data);
    document.getElementById('live-counts').textContent = Object.entries(counts)
      .map(([status, n]) => (root.dataset['c' + status.charAt(0) + status.slice(1).toLowerCase()] || (status + ': {0}'))
        .replace('{0}', n))
      .join(' · ');
  });
})();
