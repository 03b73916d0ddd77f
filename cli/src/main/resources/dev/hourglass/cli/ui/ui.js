// The web UI's only script, served as a file (the pages allow no inline script). It builds no code from data:
// it asks before an action is posted, and polls the live part of an open run's page, replacing it with the HTML
// the server renders (escaped there), keeping the history rows that were expanded open.
(function () {
  'use strict';

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });

  var POLL_MILLIS = 1500;

  function expandedEventIds(root) {
    var ids = [];
    root.querySelectorAll('.hg-event').forEach(function (row) {
      var details = row.querySelector('details');
      if (details && details.open) {
        ids.push(row.getAttribute('data-event-id'));
      }
    });
    return ids;
  }

  function reopen(root, ids) {
    ids.forEach(function (id) {
      root.querySelectorAll('.hg-event').forEach(function (row) {
        if (row.getAttribute('data-event-id') === id) {
          var details = row.querySelector('details');
          if (details) {
            details.open = true;
          }
        }
      });
    });
  }

  function poll() {
    var live = document.getElementById('live');
    if (!live || live.getAttribute('data-open') !== 'true') {
      return;
    }
    var url = live.getAttribute('data-live-url');
    var last = live.outerHTML;
    window.setTimeout(function () {
      fetch(url, {credentials: 'same-origin', cache: 'no-store'}).then(function (response) {
        return response.ok ? response.text() : null;
      }).then(function (html) {
        var current = document.getElementById('live');
        if (html !== null && current && html.trim() !== last.trim()) {
          var expanded = expandedEventIds(current);
          var holder = document.createElement('div');
          holder.innerHTML = html;
          var fresh = holder.querySelector('#live');
          if (fresh) {
            reopen(fresh, expanded);
            current.replaceWith(fresh);
            if (fresh.getAttribute('data-open') !== 'true') {
              var actions = document.getElementById('actions');
              if (actions) {
                actions.hidden = true;
              }
            }
          }
        }
      }).catch(function () {
        // the server stopped or the network failed: try again at the next tick
      }).then(poll);
    }, POLL_MILLIS);
  }

  document.addEventListener('DOMContentLoaded', poll);
}());
