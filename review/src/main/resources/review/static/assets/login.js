// Shows why the last login failed; the form itself posts without script.
(function () {
  const reasons = {
    wrong: "Wrong user name or password.",
    throttled: "Too many failed logins for this user; wait five minutes.",
  };
  const error = new URLSearchParams(window.location.search).get("error");
  if (error && reasons[error]) {
    document.getElementById("message").textContent = reasons[error];
  }
  document.getElementById("login-form").addEventListener("submit", function (event) {
    const user = document.getElementById("user").value.trim();
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(user)) {
      event.preventDefault();
      document.getElementById("message").textContent =
        "A user name is 1-64 letters, digits, '.', '-' or '_'.";
    }
  });
})();
