/*
 * Encore account page: refines the server-rendered recommendations with Shopify's Product
 * Recommendations API, asked through the Section Rendering API so the answer arrives as this
 * section's own markup. Seeded with the latest purchase (data-encore-product-id). The block is
 * aria-busy while it asks. Whatever goes wrong (offline, an error status, a slow answer, no
 * products) leaves the server's list in place.
 */
(function () {
  'use strict';
  if (!window.fetch || !window.DOMParser || !window.AbortController) return;
  var blocks = document.querySelectorAll('[data-encore-recommendations]');
  Array.prototype.forEach.call(blocks, function (block) {
    var data = block.dataset;
    var list = block.querySelector('[data-encore-recommendations-list]');
    if (!list || !data.encoreUrl || !data.encoreProductId || !data.encoreSectionId) return;
    var query = { product_id: data.encoreProductId, limit: data.encoreLimit || '4', section_id: data.encoreSectionId, intent: 'related' };
    var url = data.encoreUrl + '?' + new URLSearchParams(query);
    var controller = new AbortController();
    var timer = setTimeout(function () {
      controller.abort();
    }, 8000);
    block.setAttribute('aria-busy', 'true');
    fetch(url, { signal: controller.signal })
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.text();
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var fresh = doc.querySelector('[data-encore-recommendations-list]');
        // No list or no products (a new store, nothing related): the server's picks stay.
        if (!fresh || !fresh.querySelector('[data-encore-product-handle]')) return;
        list.innerHTML = fresh.innerHTML;
        block.setAttribute('data-encore-source', 'api');
      })
      .catch(function () {})
      .then(function () {
        block.removeAttribute('aria-busy');
        clearTimeout(timer);
      });
  });
})();
