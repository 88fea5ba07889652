// summering slide deck (slides/index.html) and presenter view (slides/presenter.html).
//
// Deck: one slide at a time, letterboxed at 16:9. Keys: → PageDown Space (next), ← PageUp
// Shift+Space (previous), Home, End, F (full screen), N (speaker notes beside the slide),
// O (overview: every slide in a grid; arrows move, Enter opens one, Esc closes), P (presenter
// view in a second window). The address follows the slide (#3 is slide 3) and opening an
// address with #3 starts there. Without this script the deck is a page of stacked slides.
//
// Presenter view: the current slide, the next one, the notes, a clock (m:ss) with an optional
// countdown and the counter; the same keys step it. It works alone, and opened from the deck
// the two windows follow each other both ways. How they talk, chosen to work from file:// in
// Chromium, Edge and Firefox (a deck is often opened from a folder or a USB stick):
// - postMessage over the window the deck opened (window.open's result, the presenter's
//   window.opener) with target origin "*": cross-window messaging does not depend on the
//   origin, and file:// pages have an opaque or per-file origin (Firefox). The message holds
//   only a slide number, and a message is used only if it names this deck's folder;
// - BroadcastChannel and the storage event as well, for two windows opened separately (the
//   presenter view opened from its link, or either window reloaded): Chromium and Edge give
//   all file:// pages one storage and channel origin, Firefox one per folder (deck and presenter
//   share a folder). Either may be missing or throw (private windows): then only postMessage.
// Every message carries its sender's id and a sequence number, so a late copy of an old
// message (the same step arrives on two paths) never moves a window back.
// The presenter window is opened from a click or a key press, which pop-up blockers allow; if
// the browser still refuses, the deck says so and the button stays a plain link.
// Nothing here loads anything from the network.
(function () {
  'use strict';
  var root = document.documentElement;
  var presenter = document.querySelector('.presenter');
  var deck = presenter || document.querySelector('.deck');
  var controls = presenter ? presenter.querySelector('.deck-controls') : document.querySelector('.deck-controls');
  if (!deck || !controls) return;
  var items = Array.prototype.slice.call(deck.querySelectorAll('.deck__item'));
  if (!items.length) return;

  var button = function (name) { return controls.querySelector('[data-deck="' + name + '"]'); };
  var prev = button('prev');
  var next = button('next');
  var counter = controls.querySelector('[data-deck="current"]');
  var status = document.querySelector('[data-deck="status"]');
  var format = deck.getAttribute('data-status') || '{n} / {total}';
  var current = -1;

  root.classList.add(presenter ? 'presenter-js' : 'deck-js');
  controls.hidden = false;

  // ------------------------------------------------------------ keeping two windows in step

  // The deck's folder names the deck: sv/2021/slides/ and en/2021/slides/ never mix.
  var key = 'summering-deck:' + location.pathname.replace(/[^/]*$/, '');
  var me = Math.random().toString(36).slice(2) + Date.now().toString(36);
  var seq = 0;
  var seen = {};
  var peer = null; // the other window, once known
  var channel = null;
  try { channel = new BroadcastChannel(key); } catch (e) { channel = null; }
  var storage = null;
  try { storage = window.localStorage; storage.getItem(key); } catch (e) { storage = null; }

  function send(type) {
    seq += 1;
    var msg = { summering: key, type: type, slide: current + 1, from: me, seq: seq };
    var targets = [peer, window.opener];
    for (var k = 0; k < targets.length; k++) {
      var w = targets[k];
      if (w && w !== window && !w.closed) {
        try { w.postMessage(msg, '*'); } catch (e) { /* a closed or foreign window */ }
      }
    }
    if (channel) { try { channel.postMessage(msg); } catch (e) { /* closed */ } }
    if (storage) { try { storage.setItem(key, JSON.stringify(msg)); } catch (e) { /* full or refused */ } }
  }

  function receive(msg, source) {
    if (!msg || typeof msg !== 'object' || msg.summering !== key || msg.from === me) return;
    if (typeof msg.seq !== 'number' || msg.seq <= (seen[msg.from] || 0)) return;
    seen[msg.from] = msg.seq;
    if (source && source !== window) peer = source;
    // A window that starts says hello and the other answers with its slide, which the new
    // one then takes: a presenter view opened later follows the deck, a deck reloaded while
    // its presenter view is open follows the view. A hello itself moves nothing.
    if (msg.type === 'hello') { send('slide'); return; }
    var n = parseInt(msg.slide, 10);
    if (n >= 1) show(Math.min(n, items.length) - 1, true, true);
  }

  window.addEventListener('message', function (e) { receive(e.data, e.source); });
  if (channel) channel.onmessage = function (e) { receive(e.data, null); };
  window.addEventListener('storage', function (e) {
    if (e.key !== key || !e.newValue) return;
    try { receive(JSON.parse(e.newValue), null); } catch (err) { /* not ours */ }
  });

  // ------------------------------------------------------------ one slide at a time

  function fromHash() {
    var n = parseInt(location.hash.slice(1), 10);
    // An address past the end (#9 of 8 slides) opens the last slide, not the first.
    return n >= 1 ? Math.min(n, items.length) - 1 : null;
  }

  function titleOf(item) {
    var h = item.querySelector('h1, h2, .slide__statement');
    return h ? h.textContent.replace(/\s+/g, ' ').trim() : '';
  }

  function setDisabled(el, off) {
    el.setAttribute('aria-disabled', off ? 'true' : 'false');
  }

  // A copy of a slide to look at (next slide, overview): no ids, hidden from assistive
  // technology and out of the tab order, so the page keeps one of everything.
  function picture(item) {
    var slide = item.querySelector('.slide');
    var copy = slide.cloneNode(true);
    [copy].concat(Array.prototype.slice.call(copy.querySelectorAll('*'))).forEach(function (el) {
      el.removeAttribute('id');
      el.removeAttribute('aria-labelledby');
      el.removeAttribute('aria-describedby');
      if (el.matches('a, button, input, select, textarea, summary, [tabindex]')) el.setAttribute('tabindex', '-1');
    });
    copy.removeAttribute('role');
    copy.removeAttribute('aria-label');
    copy.removeAttribute('aria-roledescription');
    copy.setAttribute('aria-hidden', 'true');
    copy.inert = true;
    return copy;
  }

  var onShow = [];

  function show(i, announce, remote) {
    i = Math.max(0, Math.min(items.length - 1, i));
    if (i === current) return;
    current = i;
    // Hidden slides are hidden from assistive technology too.
    items.forEach(function (item, k) { item.hidden = k !== i; });
    counter.textContent = String(i + 1);
    setDisabled(prev, i === 0);
    setDisabled(next, i === items.length - 1);
    if (location.hash !== '#' + (i + 1)) {
      location.replace('#' + (i + 1));
    }
    var label = format.replace('{n}', String(i + 1)).replace('{total}', String(items.length));
    if (announce) status.textContent = label + ': ' + titleOf(items[i]);
    onShow.forEach(function (f) { f(i); });
    if (!remote) send('slide');
  }

  function go(step) { show(current + step, true); }

  prev.addEventListener('click', function () { go(-1); });
  next.addEventListener('click', function () { go(1); });

  // Keys both pages share; each page adds its own through `extraKeys`.
  var extraKeys = {};
  var overviewOpen = function () { return false; };

  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented || overviewOpen()) return;
    var tag = e.target && e.target.tagName;
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(tag) || (e.target && e.target.isContentEditable);
    // Space and Enter on a button, link or summary do what that control does.
    var onControl = /^(BUTTON|A|SUMMARY)$/.test(tag);
    if (typing) return;
    switch (e.key) {
      case 'ArrowRight': case 'PageDown': go(1); break;
      case 'ArrowLeft': case 'PageUp': go(-1); break;
      case ' ': case 'Spacebar':
        if (onControl) return;
        go(e.shiftKey ? -1 : 1);
        break;
      case 'Home': show(0, true); break;
      case 'End': show(items.length - 1, true); break;
      default: {
        var f = extraKeys[e.key.length === 1 ? e.key.toLowerCase() : e.key];
        if (!f) return;
        f();
      }
    }
    e.preventDefault();
  });

  window.addEventListener('hashchange', function () {
    var n = fromHash();
    if (n !== null) show(n, true);
  });

  if (presenter) presenterView(); else deckView();

  var start = fromHash();
  show(start === null ? 0 : start, false, true);
  send('hello');

  // ------------------------------------------------------------ the deck's own controls

  function deckView() {
    var notesButton = button('notes');
    var fullButton = button('fullscreen');
    var overviewButton = button('overview');
    var presenterLink = button('presenter');
    var blocked = button('blocked');

    function setNotes(on) {
      root.classList.toggle('deck-notes', on);
      notesButton.setAttribute('aria-pressed', on ? 'true' : 'false');
      deck.querySelectorAll('details.slide-notes').forEach(function (d) { d.open = on; });
    }

    var canFullscreen = !!(root.requestFullscreen && document.fullscreenEnabled !== false);
    if (!canFullscreen) fullButton.hidden = true;

    function toggleFullscreen() {
      if (!canFullscreen) return;
      if (document.fullscreenElement) {
        document.exitFullscreen();
      } else {
        var p = root.requestFullscreen();
        if (p && p.catch) p.catch(function () {});
      }
    }

    document.addEventListener('fullscreenchange', function () {
      var on = !!document.fullscreenElement;
      root.classList.toggle('deck-fullscreen', on);
      fullButton.setAttribute('aria-pressed', on ? 'true' : 'false');
    });

    function openPresenter() {
      if (!presenterLink) return true;
      var url = presenterLink.getAttribute('href') + '#' + (current + 1);
      var w = null;
      try { w = window.open(url, presenterLink.getAttribute('target') || 'summering-presenter', 'popup,width=1280,height=800'); } catch (e) { w = null; }
      if (!w) {
        if (blocked) blocked.hidden = false;
        return false;
      }
      if (blocked) blocked.hidden = true;
      peer = w;
      try { w.focus(); } catch (e) { /* another window's focus is the browser's to give */ }
      return true;
    }

    notesButton.addEventListener('click', function () { setNotes(!root.classList.contains('deck-notes')); });
    fullButton.addEventListener('click', toggleFullscreen);
    if (presenterLink) {
      presenterLink.addEventListener('click', function (e) {
        // A refused window.open leaves the link to the browser (a new tab, usually).
        if (openPresenter()) e.preventDefault();
      });
    }
    extraKeys.f = toggleFullscreen;
    extraKeys.n = function () { setNotes(!root.classList.contains('deck-notes')); };
    extraKeys.p = openPresenter;
    if (overviewButton) overview(overviewButton);
  }

  // ------------------------------------------------------------ overview

  function overview(opener) {
    if (typeof HTMLDialogElement !== 'function') { opener.hidden = true; return; }
    var dialog = null;
    var cells = [];

    function build() {
      dialog = document.createElement('dialog');
      dialog.className = 'deck-overview';
      dialog.setAttribute('aria-labelledby', 'deck-overview-title');
      var bar = document.createElement('div');
      bar.className = 'deck-overview__bar';
      var title = document.createElement('h2');
      title.id = 'deck-overview-title';
      title.className = 'deck-overview__title';
      title.textContent = opener.textContent.trim();
      var close = document.createElement('button');
      close.type = 'button';
      close.className = 'deck-button';
      close.textContent = opener.getAttribute('data-close') || '×';
      close.addEventListener('click', function () { dialog.close(); });
      bar.appendChild(title);
      bar.appendChild(close);
      var list = document.createElement('ol');
      list.className = 'deck-overview__grid';
      items.forEach(function (item, k) {
        var li = document.createElement('li');
        li.className = 'deck-overview__cell';
        var pick = document.createElement('button');
        pick.type = 'button';
        pick.className = 'deck-overview__pick';
        pick.textContent = (k + 1) + '. ' + titleOf(item);
        pick.addEventListener('click', function () { dialog.close(); show(k, true); });
        var thumb = document.createElement('div');
        thumb.className = 'deck-overview__thumb';
        thumb.appendChild(picture(item));
        li.appendChild(thumb);
        li.appendChild(pick);
        list.appendChild(li);
        cells.push(pick);
      });
      dialog.appendChild(bar);
      dialog.appendChild(list);
      dialog.addEventListener('keydown', function (e) {
        var k = cells.indexOf(document.activeElement);
        if (k < 0 || e.altKey || e.ctrlKey || e.metaKey) return;
        // Columns of the grid as laid out: the cells on the first cell's row.
        var cols = cells.filter(function (c) { return c.offsetTop === cells[0].offsetTop; }).length || 1;
        var to = { ArrowRight: k + 1, ArrowLeft: k - 1, ArrowDown: k + cols, ArrowUp: k - cols, Home: 0, End: cells.length - 1 }[e.key];
        if (to === undefined) return;
        e.preventDefault();
        cells[Math.max(0, Math.min(cells.length - 1, to))].focus();
      });
      dialog.addEventListener('close', function () {
        root.classList.remove('deck-overview-open');
        opener.setAttribute('aria-expanded', 'false');
        opener.focus();
      });
      document.body.appendChild(dialog);
    }

    function open() {
      if (!dialog) build();
      if (dialog.open) return;
      cells.forEach(function (c, k) {
        if (k === current) c.setAttribute('aria-current', 'true'); else c.removeAttribute('aria-current');
      });
      root.classList.add('deck-overview-open');
      opener.setAttribute('aria-expanded', 'true');
      dialog.showModal();
      cells[current].focus();
      cells[current].scrollIntoView({ block: 'nearest' });
    }

    overviewOpen = function () { return !!(dialog && dialog.open); };
    opener.setAttribute('aria-expanded', 'false');
    opener.addEventListener('click', open);
    extraKeys.o = open;
  }

  // ------------------------------------------------------------ presenter view

  function presenterView() {
    var q = function (name) { return presenter.querySelector('[data-presenter="' + name + '"]'); };
    var nextBox = presenter.querySelector('.presenter__next');
    var nextSlide = q('next');
    var end = q('end');
    var clock = q('clock');
    var minutes = q('minutes');
    var remaining = q('remaining');
    var overText = remaining.getAttribute('data-over') || '';
    var started = Date.now();
    nextBox.hidden = false;

    onShow.push(function (i) {
      while (nextSlide.firstChild) nextSlide.removeChild(nextSlide.firstChild);
      var last = i === items.length - 1;
      end.hidden = !last;
      if (!last) nextSlide.appendChild(picture(items[i + 1]));
    });

    function mss(s) {
      var m = Math.floor(s / 60);
      var r = s % 60;
      return m + ':' + (r < 10 ? '0' : '') + r;
    }

    function tick() {
      var elapsed = Math.max(0, Math.floor((Date.now() - started) / 1000));
      clock.textContent = mss(elapsed);
      var total = Math.round(parseFloat(minutes.value) * 60);
      if (total > 0) {
        var left = total - elapsed;
        remaining.hidden = false;
        remaining.classList.toggle('presenter__over', left < 0);
        remaining.textContent = left >= 0 ? mss(left) : '−' + mss(-left) + ' ' + overText;
      } else {
        remaining.hidden = true;
      }
    }

    q('restart').addEventListener('click', function () { started = Date.now(); tick(); });
    minutes.addEventListener('input', tick);
    tick();
    setInterval(tick, 250);
  }
})();
