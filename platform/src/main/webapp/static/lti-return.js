// Sends the deep-linking response to the LMS at once; without scripts the page's button does it.
document.getElementById('lti-return').submit();
