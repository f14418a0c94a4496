// Material's content helper: open the tab named in the URL fragment (moved out of an inline script).
(function () {
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
})();
