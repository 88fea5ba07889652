// summering slide deck: one slide at a time, letterboxed at 16:9.
// Keys: → PageDown Space (next), ← PageUp Shift+Space (previous), Home, End, F (full screen),
// N (speaker notes beside the slide). The address follows the slide (#3 is slide 3) and
// opening an address with #3 starts there. Without this script the deck is a page of
// stacked slides; nothing here loads anything from the network.
(function () {
  'use strict';
  var deck = document.querySelector('.deck');
  var controls = document.querySelector('.deck-controls');
  if (!deck || !controls) return;
  var items = Array.prototype.slice.call(deck.querySelectorAll('.deck__item'));
  if (!items.length) return;

  var root = document.documentElement;
  var button = function (name) { return controls.querySelector('[data-deck="' + name + '"]'); };
  var prev = button('prev');
  var next = button('next');
  var notesButton = button('notes');
  var fullButton = button('fullscreen');
  var counter = controls.querySelector('[data-deck="current"]');
  var status = document.querySelector('[data-deck="status"]');
  var format = deck.getAttribute('data-status') || '{n} / {total}';
  var current = -1;

  root.classList.add('deck-js');
  controls.hidden = false;

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

  function show(i, announce) {
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
  }

  function go(step) { show(current + step, true); }

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

  prev.addEventListener('click', function () { go(-1); });
  next.addEventListener('click', function () { go(1); });
  notesButton.addEventListener('click', function () { setNotes(!root.classList.contains('deck-notes')); });
  fullButton.addEventListener('click', toggleFullscreen);

  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
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
      case 'f': case 'F': toggleFullscreen(); break;
      case 'n': case 'N': setNotes(!root.classList.contains('deck-notes')); break;
      default: return;
    }
    e.preventDefault();
  });

  window.addEventListener('hashchange', function () {
    var n = fromHash();
    if (n !== null) show(n, true);
  });

  var start = fromHash();
  show(start === null ? 0 : start, false);
})();
