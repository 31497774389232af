/*
 * Encore's add-to-cart forms (snippets/encore-add-to-cart.liquid) through Shopify's Cart AJAX API: the form's own
 * fields go to its action + ".js" (`/cart/add.js`, locale prefix kept), so the customer stays on the page. The
 * form's status line, a polite live region, then says what was added, or Shopify's reason it was not
 * (`{"status":422,"message":...,"description":...}`). Without fetch the form posts as usual and Shopify shows the cart.
 * A `encore:cart-added` event carries the added line for a theme's cart drawer or counter.
 *
 * While a form's request is on its way its button is aria-disabled (it keeps focus, unlike `disabled`) and further
 * submits of that form are ignored, so a double click adds once. The action is read as written: a field named
 * `action` or `id` would shadow the form's own properties.
 */
(function () {
  'use strict';
  if (!window.fetch || !window.FormData) return;
  function text(form, selector) {
    var node = form.querySelector(selector);
    return node ? node.textContent.trim() : '';
  }
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form || !form.classList || !form.classList.contains('encore-add-to-cart')) return;
    event.preventDefault();
    var button = form.querySelector('button[type="submit"]');
    if (form.hasAttribute('data-encore-cart-busy')) return;
    form.setAttribute('data-encore-cart-busy', '');
    var status = form.querySelector('[data-encore-cart-status]');
    if (button) button.setAttribute('aria-disabled', 'true');
    if (status) status.textContent = '';
    var action = form.getAttribute('action') || '/cart/add';
    fetch(action + '.js', { method: 'POST', headers: { Accept: 'application/json' }, body: new FormData(form) })
      .then(function (response) {
        return response.json().then(function (body) {
          return { ok: response.ok, body: body };
        });
      })
      .then(function (answer) {
        if (answer.ok) {
          if (status) status.textContent = text(form, '[data-encore-added]');
          document.dispatchEvent(new CustomEvent('encore:cart-added', { detail: answer.body }));
        } else if (status) {
          var reason = (answer.body && answer.body.description) || '';
          status.textContent = (text(form, '[data-encore-failed]') + ' ' + reason).trim();
        }
      })
      .catch(function () {
        if (status) status.textContent = text(form, '[data-encore-failed]');
      })
      .then(function () {
        form.removeAttribute('data-encore-cart-busy');
        if (button) button.removeAttribute('aria-disabled');
      });
  });
})();
