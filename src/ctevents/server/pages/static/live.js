// Keeps an open page current: when the rows it shows change (the read model's watch
// stream, `body[data-watch]`), the page is fetched again and its <main> swapped in.
// Also: the span a link points at is highlighted, and evidence is opened for printing.
"use strict";

function markTarget() {
  for (const old of document.querySelectorAll("mark.targeted")) old.classList.remove("targeted");
  const match = /^#span-(\d+-\d+)$/.exec(location.hash);
  if (!match) return;
  for (const mark of document.querySelectorAll("mark[data-spans]")) {
    if (mark.dataset.spans.split(" ").includes(match[1])) mark.classList.add("targeted");
  }
}

function watch(url) {
  const status = document.getElementById("live-status");
  const say = (text) => { if (status) status.textContent = text; };
  let ready = false;
  let timer = null;

  async function refresh() {
    timer = null;
    try {
      const response = await fetch(location.href, {
        headers: { Accept: "text/html" },
        cache: "no-store",
      });
      const next = new DOMParser().parseFromString(await response.text(), "text/html");
      // Keyboard users keep their place: the focused link is focused again if it is still
      // there (the same address, the same one of the links with that address).
      const sameAddress = (href) => [...document.querySelectorAll("main a[href]")].filter(
        (link) => link.getAttribute("href") === href,
      );
      const focused = document.activeElement?.closest?.("main a[href]")?.getAttribute("href");
      const nth = focused ? sameAddress(focused).indexOf(document.activeElement) : -1;
      for (const id of ["main", "state", "as-of"]) {
        const now = document.getElementById(id);
        const fresh = next.getElementById(id);
        if (now && fresh) now.replaceWith(document.adoptNode(fresh));
      }
      document.title = next.title;
      if (focused) sameAddress(focused)[nth]?.focus();
      markTarget();
      say(`updated at ${new Date().toLocaleTimeString()}`);
    } catch (error) {
      say(`could not refresh: ${error}`);
    }
  }

  const changed = () => {
    if (ready && timer === null) timer = setTimeout(refresh, 50);
  };
  const source = new EventSource(url);
  source.addEventListener("ready", (event) => {
    ready = true;
    say("live");
    // A change between rendering the page and opening the stream is in no frame.
    const shown = Number(document.getElementById("main")?.dataset.position || 0);
    const position = JSON.parse(event.data).as_of_position;
    if (position > shown) changed();
  });
  source.addEventListener("upsert", changed);
  source.addEventListener("delete", changed);
  source.addEventListener("error", () => say("reconnecting…"));
}

document.addEventListener("DOMContentLoaded", () => {
  markTarget();
  window.addEventListener("hashchange", markTarget);
  window.addEventListener("beforeprint", () => {
    for (const details of document.querySelectorAll("details")) details.open = true;
  });
  const url = document.body.dataset.watch;
  if (url && window.EventSource) watch(url);
});
