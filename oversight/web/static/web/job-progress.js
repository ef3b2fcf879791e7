// Follows a background job on its page: asks the job's status every second, moves the
// progress bar, and reloads the page once the job has ended, so that the server shows how
// it ended. A file of its own, as the Content Security Policy allows no inline script.
const box = document.querySelector("[data-job-progress]");

function show(job) {
  const bar = box.querySelector("[data-job-bar]");
  const words = box.querySelector("[data-job-text]");
  if (job.percent !== null) {
    bar.value = job.percent;
    bar.textContent = `${job.percent}%`;
  }
  const unit = box.dataset.unit || "children";
  words.textContent = job.total ? `${job.status_text}: ${job.done} of ${job.total} ${unit}` : job.status_text;
}

async function follow() {
  try {
    const answer = await fetch(box.dataset.statusUrl, { headers: { Accept: "application/json" } });
    if (answer.ok) {
      const job = await answer.json();
      if (job.finished) {
        window.location.reload();
        return;
      }
      show(job);
    }
  } catch {
    // A network hiccup: the next try catches up.
  }
  window.setTimeout(follow, 1000);
}

if (box && box.dataset.finished !== "true") {
  window.setTimeout(follow, 1000);
}
