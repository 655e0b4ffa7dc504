// Registrations: small helpers for the evidence upload and the bulk-accept list.
// The server checks everything again; these only spare the user a wasted upload.
(function () {
  "use strict";

  function formatMegabytes(bytes) {
    return (bytes / (1024 * 1024)).toLocaleString("vi-VN", { maximumFractionDigits: 1 }) + " MB";
  }

  // A file larger than the limit is flagged before it is sent.
  document.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (input) {
    var limit = parseInt(input.getAttribute("data-max-bytes"), 10);
    var form = input.form;
    var feedback = form ? form.querySelector("[data-size-error]") : null;
    var button = form ? form.querySelector("button[type=submit]") : null;
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      var tooLarge = Boolean(file && limit && file.size > limit);
      input.classList.toggle("is-invalid", tooLarge);
      if (feedback) {
        // The sentence comes translated from the page, with {name}, {size} and {limit} to fill.
        feedback.textContent = tooLarge
          ? feedback.getAttribute("data-size-error")
              .replace("{name}", file.name)
              .replace("{size}", formatMegabytes(file.size))
              .replace("{limit}", formatMegabytes(limit))
          : "";
      }
      if (button) { button.disabled = tooLarge; }
    });
  });

  // Bulk accept: the button works only when at least one registration is ticked.
  var bulkForm = document.getElementById("bulk-accept-form");
  if (bulkForm) {
    var bulkButton = document.getElementById("bulk-accept-button");
    var refresh = function () {
      if (bulkButton) {
        bulkButton.disabled = !bulkForm.querySelector('input[name="registrations"]:checked');
      }
    };
    bulkForm.addEventListener("change", refresh);
    refresh();
  }
})();
