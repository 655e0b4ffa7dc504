// Behaviour shared by every page. No inline scripts: the content security policy forbids them.
(function () {
  "use strict";

  // Language switcher: submit when the choice changes.
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });

  // Confirmation for dangerous buttons: <button data-confirm="...">.
  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-confirm]");
    if (target && !window.confirm(target.getAttribute("data-confirm"))) {
      event.preventDefault();
    }
  });

  // Print buttons: <button data-print>.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });

  // Phones first: a table wider than the screen scrolls inside its own box, never the
  // page. The box can take the keyboard focus so that it can be scrolled without a mouse.
  document.querySelectorAll("main table").forEach(function (table) {
    if (table.closest(".table-responsive, .report-sheet")) { return; }
    var box = document.createElement("div");
    box.className = "table-responsive";
    box.tabIndex = 0;
    box.setAttribute("role", "region");
    var caption = table.querySelector("caption");
    box.setAttribute("aria-label", caption ? caption.textContent.trim() : (document.documentElement.lang === "en" ? "Table" : "Bảng"));
    table.parentNode.insertBefore(box, table);
    box.appendChild(table);
  });

  document.querySelectorAll(".table-responsive:not([tabindex])").forEach(function (box) { box.tabIndex = 0; });

  // The menu marks the current page: the link whose address is the longest start of
  // this page's address.
  var current = null;
  document.querySelectorAll("#mainnav a.nav-link[href]").forEach(function (link) {
    var path = new URL(link.href, window.location.href).pathname;
    if (window.location.pathname.indexOf(path) === 0 && (!current || path.length > current.path.length)) {
      current = { link: link, path: path };
    }
  });
  if (current && current.path !== "/") { current.link.setAttribute("aria-current", "page"); }

  // Folded on a phone, open on a wide screen: <details data-open-wide>.
  if (window.matchMedia("(min-width: 992px)").matches) {
    document.querySelectorAll("details[data-open-wide]").forEach(function (details) { details.open = true; });
  }

  // Length counters: <input maxlength="150" data-counter> shows "12/150" as one types.
  document.querySelectorAll("[data-counter][maxlength]").forEach(function (input) {
    var counter = document.createElement("div");
    counter.className = "form-text text-end";
    counter.setAttribute("aria-live", "polite");
    counter.id = (input.id || input.name) + "_counter";
    input.insertAdjacentElement("afterend", counter);
    function show() { counter.textContent = input.value.length + "/" + input.getAttribute("maxlength"); }
    input.addEventListener("input", show);
    show();
  });

  // "Select all" checkboxes for bulk actions: <input type="checkbox" data-check-all="name">.
  document.querySelectorAll("input[data-check-all]").forEach(function (box) {
    box.addEventListener("change", function () {
      var name = box.getAttribute("data-check-all");
      document.querySelectorAll('input[type="checkbox"][name="' + name + '"]').forEach(function (other) {
        other.checked = box.checked;
      });
    });
  });
})();
