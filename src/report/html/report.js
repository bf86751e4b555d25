"use strict";
// Filters for the report: status, kind and text; passing claims folded;
// everything unfolded for printing. The page works without it, unfiltered.
(function () {
  const claims = Array.from(document.querySelectorAll("article.claim"));
  const statuses = Array.from(document.querySelectorAll("input[name=status]"));
  const kind = document.getElementById("kind");
  const query = document.getElementById("query");
  const collapse = document.getElementById("collapse");
  const shown = document.getElementById("shown");
  const controls = document.getElementById("controls");
  // A page of input errors has no claims and no controls.
  if (!controls) return;
  controls.hidden = false;

  function apply() {
    const wanted = new Set(statuses.filter((s) => s.checked).map((s) => s.value));
    const k = kind.value;
    const q = query.value.trim().toLowerCase();
    let visible = 0;
    for (const claim of claims) {
      const ok = wanted.has(claim.dataset.status) &&
        (k === "" || claim.dataset.kinds.split(" ").includes(k)) &&
        (q === "" || claim.dataset.search.includes(q));
      claim.hidden = !ok;
      if (ok) visible += 1;
    }
    shown.textContent = visible + " of " + claims.length + " claims shown";
  }

  function fold() {
    for (const claim of claims) {
      if (claim.dataset.status === "pass") {
        claim.querySelector("details").open = !collapse.checked;
      }
    }
  }

  // A shared link (#claim-id) shows its claim, whatever the filters.
  function reveal() {
    const id = decodeURIComponent(location.hash.slice(1));
    const claim = id && document.getElementById(id);
    if (claim && claim.classList.contains("claim")) {
      claim.hidden = false;
      claim.querySelector("details").open = true;
      claim.scrollIntoView();
    }
  }

  for (const s of statuses) s.addEventListener("change", apply);
  kind.addEventListener("change", apply);
  query.addEventListener("input", apply);
  collapse.addEventListener("change", fold);
  window.addEventListener("hashchange", reveal);

  let before = [];
  window.addEventListener("beforeprint", () => {
    before = claims.map((c) => [c.hidden, c.querySelector("details").open]);
    for (const c of claims) {
      c.hidden = false;
      c.querySelector("details").open = true;
    }
  });
  window.addEventListener("afterprint", () => {
    claims.forEach((c, i) => {
      if (before[i]) [c.hidden, c.querySelector("details").open] = before[i];
    });
  });

  fold();
  apply();
  reveal();
})();
