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

# Partials from a name => source map, as Liquid's file system reads them: a missing one is Ruby's own error. With
# `any_case`, names are found in any case and with or without `.liquid`, as liquid-spec's file system finds them.
class PartialsFileSystem
  def initialize(files, any_case: false)
    @any_case = any_case
    @files = (files || {}).each_with_object({}) { |(name, source), all| all[key(name)] = source.to_s }
  end

  def read_template_file(name)
    @files.fetch(key(name)) { raise Liquid::FileSystemError, "Could not find asset #{name}" }
  end

  private

  def key(name)
    @any_case ? name.to_s.downcase.sub(/\.liquid\z/, '') : name.to_s
  end
end
