// Bib Runner: a small game for the wait while a big upload runs. A runner with a bib
// jumps over cones (space, up arrow, or a tap on the game); the score is the distance run
// and the best one stays in this browser (localStorage). Everything is drawn on the
// canvas: no image, no font, nothing fetched. It pauses when its dialog closes or the tab
// is hidden.
(() => {
  const dialog = document.getElementById('bib-runner');
  const opener = document.getElementById('bib-runner-open');
  const canvas = document.getElementById('bib-runner-canvas');
  if (!dialog || !opener || !canvas || !canvas.getContext) return;
  const ctx = canvas.getContext('2d');
  const scoreText = document.getElementById('bib-runner-score');
  const bestText = document.getElementById('bib-runner-best');
  const t = (key) => dialog.dataset['t' + key.charAt(0).toUpperCase() + key.slice(1)] || key;
  const W = canvas.width;
  const H = canvas.height;
  const GROUND = H - 30;
  const GRAVITY = 2200;
  const JUMP = 760;
  const STORE = 'focusracer.bibRunner.best';

  let state = 'ready';
  let runner;
  let cones;
  let speed;
  let distance;
  let untilNext;
  let last = 0;
  let frame = 0;

  function readBest() {
    try {
      return Number(window.localStorage.getItem(STORE)) || 0;
    } catch (e) {
      return 0;
    }
  }

  function saveBest(value) {
    try {
      window.localStorage.setItem(STORE, String(value));
    } catch (e) {
      // private browsing: the best score lives as long as the page
    }
  }

  let best = readBest();

  function reset() {
    runner = { x: 70, y: GROUND, vy: 0, w: 26, h: 44 };
    cones = [];
    speed = 300;
    distance = 0;
    untilNext = 1.2;
  }

  function score() {
    return Math.floor(distance / 10);
  }

  function setState(next) {
    state = next;
    canvas.dataset.state = next;
  }

  function refreshScores() {
    canvas.dataset.score = String(score());
    scoreText.textContent = t('score').replace('{0}', score());
    bestText.textContent = t('best').replace('{0}', best);
  }

  function jump() {
    if (state === 'ready' || state === 'over' || state === 'paused') {
      if (state !== 'paused') reset();
      setState('running');
      last = 0;
      loop();
      if (state === 'running' && runner.y >= GROUND) runner.vy = -JUMP;
      return;
    }
    if (runner.y >= GROUND) runner.vy = -JUMP;
  }

  function step(dt) {
    distance += speed * dt;
    speed = Math.min(700, speed + 8 * dt);
    runner.vy += GRAVITY * dt;
    runner.y = Math.min(GROUND, runner.y + runner.vy * dt);
    if (runner.y >= GROUND) runner.vy = 0;
    untilNext -= dt;
    if (untilNext <= 0) {
      const tall = 22 + Math.random() * 18;
      cones.push({ x: W + 10, w: 18 + Math.random() * 10, h: tall });
      untilNext = 0.8 + Math.random() * 1.1;
    }
    for (const cone of cones) cone.x -= speed * dt;
    cones = cones.filter((cone) => cone.x + cone.w > -5);
    for (const cone of cones) {
      const overlaps = runner.x + runner.w - 4 > cone.x && runner.x + 4 < cone.x + cone.w;
      if (overlaps && runner.y > GROUND - cone.h + 4) {
        setState('over');
        if (score() > best) {
          best = score();
          saveBest(best);
        }
      }
    }
  }

  function draw() {
    ctx.fillStyle = '#eef4fb';
    ctx.fillRect(0, 0, W, H);
    ctx.fillStyle = '#9aa7b8';
    ctx.fillRect(0, GROUND, W, 2);
    // Lane marks scroll with the distance run.
    ctx.fillStyle = '#c8d1dc';
    for (let x = -(distance % 60); x < W; x += 60) ctx.fillRect(x, GROUND + 12, 30, 3);
    for (const cone of cones) {
      ctx.fillStyle = '#e8542f';
      ctx.beginPath();
      ctx.moveTo(cone.x, GROUND);
      ctx.lineTo(cone.x + cone.w / 2, GROUND - cone.h);
      ctx.lineTo(cone.x + cone.w, GROUND);
      ctx.closePath();
      ctx.fill();
    }
    const top = runner.y - runner.h;
    ctx.fillStyle = '#1f3a5f';
    ctx.beginPath();
    ctx.arc(runner.x + runner.w / 2, top - 8, 8, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillRect(runner.x, top, runner.w, runner.h - 14);
    // Legs: they swing while on the ground.
    const swing = runner.y >= GROUND ? Math.sin(distance / 18) * 6 : 4;
    ctx.fillRect(runner.x + 3 + swing, runner.y - 14, 7, 14);
    ctx.fillRect(runner.x + runner.w - 10 - swing, runner.y - 14, 7, 14);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(runner.x + 4, top + 6, runner.w - 8, 14);
    ctx.fillStyle = '#1f3a5f';
    ctx.font = 'bold 10px sans-serif';
    ctx.textAlign = 'center';
    ctx.fillText('42', runner.x + runner.w / 2, top + 17);
    ctx.textAlign = 'left';
    ctx.font = '16px sans-serif';
    ctx.fillText(String(score()), W - 60, 24);
    if (state !== 'running') {
      ctx.fillStyle = 'rgba(31, 58, 95, 0.8)';
      ctx.fillRect(0, H / 2 - 22, W, 40);
      ctx.fillStyle = '#ffffff';
      ctx.textAlign = 'center';
      ctx.fillText(state === 'over' ? t('over') : state === 'paused' ? t('paused') : t('start'), W / 2, H / 2 + 4);
      ctx.textAlign = 'left';
    }
    refreshScores();
  }

  function loop() {
    if (frame) return;
    frame = window.requestAnimationFrame(tick);
  }

  function tick(now) {
    frame = 0;
    if (state !== 'running') {
      draw();
      return;
    }
    // At most a tenth of a second at once: a slow frame does not teleport the runner.
    const dt = last ? Math.min(0.1, (now - last) / 1000) : 0;
    last = now;
    step(dt);
    draw();
    if (state === 'running') loop();
  }

  function pause() {
    if (state === 'running') {
      setState('paused');
      draw();
    }
  }

  opener.addEventListener('click', () => {
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    canvas.focus();
    draw();
  });
  document.getElementById('bib-runner-close').addEventListener('click', () => {
    pause();
    if (typeof dialog.close === 'function') dialog.close();
    else dialog.removeAttribute('open');
  });
  dialog.addEventListener('close', pause);
  document.addEventListener('visibilitychange', () => {
    if (document.hidden) pause();
  });
  dialog.addEventListener('keydown', (e) => {
    if (e.code === 'Space' || e.key === ' ' || e.key === 'ArrowUp') {
      e.preventDefault();
      jump();
    }
  });
  canvas.addEventListener('pointerdown', (e) => {
    e.preventDefault();
    canvas.focus();
    jump();
  });

  reset();
  draw();
})();
