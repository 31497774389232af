import { Drop } from 'liquidjs';

/**
 * Base of every store drop. liquidjs reads any property of a Drop, own or
 * inherited, and calls it when it is a function, so without this
 * `{{ order.constructor }}` would throw ("cannot be invoked without 'new'")
 * and `{{ order.hasOwnProperty }}` would run Object's method. Here the only
 * names a template can reach are the getters that model Shopify attributes
 * (plus `toString`/`valueOf`, which liquidjs needs to print values).
 */
export abstract class ShopifyDrop extends Drop {
  constructor() {
    super();
    hideConstructors(new.target);
  }
}

const OBJECT_METHODS = [
  'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString',
  '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__', '__proto__',
];
for (const name of OBJECT_METHODS) {
  Object.defineProperty(ShopifyDrop.prototype, name, { get: () => undefined, configurable: true, enumerable: false });
}

const sealed = new WeakSet<object>();

/** `constructor` is an own property of every class prototype: hide each one, once. */
function hideConstructors(target: Function): void {
  let proto: object | null = target.prototype;
  while (proto !== null && proto !== Drop.prototype && !sealed.has(proto)) {
    Object.defineProperty(proto, 'constructor', { value: undefined, configurable: true, enumerable: false, writable: false });
    sealed.add(proto);
    proto = Object.getPrototypeOf(proto);
  }
}
