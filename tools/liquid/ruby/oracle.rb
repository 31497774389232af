# Shopify's reference Liquid (the liquid gem, with ActiveSupport loaded as Shopify loads it) as an oracle: one JSON
# request a line on stdin, one JSON answer a line on stdout, so one Ruby process renders a whole corpus.
#
#   request: { "template": "...", "environment": {...}, "partials": { "name": "source" }, "error_mode": "lax" }
#   answer:  { "output": "..." } when it rendered (runtime errors print inline, as on a storefront), or
#            { "error": { "class": "Liquid::SyntaxError", "message": "..." } } when it did not parse or raised.
require_relative 'reference_liquid'

def utf8(text)
  text.to_s.dup.force_encoding(Encoding::UTF_8).scrub
end

$stdout.sync = true
puts JSON.generate(ready: Liquid::VERSION, active_support: defined?(ActiveSupport) ? ActiveSupport.version.to_s : nil)
$stdin.each_line do |line|
  answer =
    begin
      request = JSON.parse(line)
      mode = (request['error_mode'] || 'lax').to_sym
      template = Liquid::Template.parse(request['template'], error_mode: mode, line_numbers: true)
      # The environment as Shopify gives a theme its objects, and as liquid-spec does: static, so partials that
      # `render` (an isolated scope) see it too.
      context = Liquid::Context.build(
        static_environments: request['environment'] || {},
        registers: { file_system: PartialsFileSystem.new(request['partials']) },
      )
      output = template.render(context)
      { output: utf8(output) }
    rescue Liquid::Error, StandardError, SystemStackError => e
      { error: { class: e.class.name, message: utf8(e.message) } }
    end
  puts JSON.generate(answer)
end
