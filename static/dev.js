// Preview mode only: refresh the page whenever the content is reloaded.
(function () {
  "use strict";
  var events = new EventSource("/_dev/events");
  events.addEventListener("reload", function () { location.reload(); });
})();
