// Scoresheet: the running total of the points typed, updated as the member types.
// The server renders the same total on every page load; this only keeps it live.
(function () {
  "use strict";

  var form = document.querySelector("form[data-scoresheet]");
  if (!form) { return; }
  var totalBox = form.querySelector("[data-score-total]");
  var warning = form.querySelector("[data-score-warning]");
  var inputs = form.querySelectorAll("[data-score-input]");
  var locale = document.documentElement.lang || "vi";

  function parse(raw) {
    var text = String(raw || "").trim().replace(",", ".");
    if (text === "") { return { value: null, valid: true }; }
    if (!/^\d+(\.\d+)?$/.test(text)) { return { value: null, valid: false }; }
    return { value: parseFloat(text), valid: true };
  }

  function update() {
    var total = 0;
    var invalid = false;
    inputs.forEach(function (input) {
      var parsed = parse(input.value);
      var max = parseFloat(input.getAttribute("data-max"));
      // A number input holding text the browser cannot read reports an empty value.
      var unreadable = input.validity && input.validity.badInput;
      var ok = parsed.valid && !unreadable &&
        (parsed.value === null || (parsed.value >= 0 && parsed.value <= max && (parsed.value * 2) % 1 === 0));
      input.classList.toggle("is-invalid", !ok);
      if (!ok) { invalid = true; return; }
      if (parsed.value !== null) { total += parsed.value; }
    });
    if (totalBox) {
      totalBox.textContent = total.toLocaleString(locale, { maximumFractionDigits: 1 });
    }
    if (warning) { warning.classList.toggle("d-none", !invalid); }
  }

  inputs.forEach(function (input) {
    input.addEventListener("input", update);
    input.addEventListener("change", update);
  });
  update();
})();
