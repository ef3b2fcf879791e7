// Run first thing in <body>: tells GOV.UK Frontend's CSS that scripts run (kept out of the
// page itself so the Content Security Policy can forbid inline scripts).
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
