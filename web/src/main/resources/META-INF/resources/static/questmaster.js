// QuestMaster: optional enhancements only. Every page and form works without this file.
(function () {
  'use strict';

  // Inline validation: the browser's own message next to the field when it is left invalid.
  document.querySelectorAll('form[data-validate]').forEach(function (form) {
    form.querySelectorAll('input, select, textarea').forEach(function (field) {
      field.addEventListener('blur', function () {
        if (!field.id || field.type === 'hidden') { return; }
        var id = field.id + '-live-error';
        var slot = document.getElementById(id);
        if (field.checkValidity()) {
          if (slot) { slot.remove(); }
          if (!document.getElementById(field.id + '-error')) { field.removeAttribute('aria-invalid'); }
          return;
        }
        if (!slot) {
          slot = document.createElement('p');
          slot.className = 'field-error';
          slot.id = id;
          field.insertAdjacentElement('afterend', slot);
        }
        slot.textContent = field.validationMessage;
        field.setAttribute('aria-invalid', 'true');
        field.setAttribute('aria-describedby', id);
      });
    });
  });

  // Copy buttons for the iCalendar links.
  document.querySelectorAll('[data-copy]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      var input = document.getElementById(button.getAttribute('data-copy'));
      if (!input) { return; }
      input.select();
      if (navigator.clipboard) { navigator.clipboard.writeText(input.value); }
      button.textContent = 'Lien copié';
    });
  });

  // Live seats left (server-sent events relayed by this site from games-service, contract §7): a game page listens
  // to its game, the board to every game. Without the stream (an older games-service, a proxy that buffers) the page
  // simply keeps the counts it was rendered with.
  var seats = document.querySelectorAll('[data-seats]');
  if (seats.length === 0 || typeof EventSource === 'undefined') { return; }
  var one = document.querySelector('[data-live-game]');
  var source = new EventSource(one ? '/live/annonces/' + encodeURIComponent(one.getAttribute('data-live-game'))
      : '/live/annonces');
  var failures = 0;
  source.onopen = function () {
    // A marker for tests and styles: the counts on this page now follow the stream.
    document.documentElement.setAttribute('data-live', 'open');
  };
  source.addEventListener('game', function (event) {
    var data;
    failures = 0;
    try { data = JSON.parse(event.data); } catch (e) { return; }
    if (typeof data.seats_left !== 'number') { return; }
    document.querySelectorAll('[data-seats="' + CSS.escape(data.slug) + '"]').forEach(function (node) {
      if (node.hasAttribute('data-selection')) { return; }
      var text = data.seats_left === 0 ? 'complet'
          : data.seats_left === 1 ? '1 place restante' : data.seats_left + ' places restantes';
      var total = node.getAttribute('data-party-size');
      node.textContent = total ? text + ' sur ' + total : text;
    });
  });
  source.onerror = function () {
    // EventSource reconnects by itself after a dropped connection; a stream that keeps failing is not there: stop
    // retrying rather than hammer the server.
    failures += 1;
    if (failures > 3) { source.close(); }
  };
})();
