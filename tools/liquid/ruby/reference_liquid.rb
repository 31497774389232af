# Shopify's reference Liquid as the oracle and the benchmark load it: the liquid gem, with ActiveSupport as Shopify
# loads it when it is there (without it the gem still answers; the callers name what they ran).
require 'json'
require 'liquid'
begin
  require 'active_support'
  require 'active_support/core_ext'
rescue LoadError
  nil
end
