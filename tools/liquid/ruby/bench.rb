# The liquid gem's side of `npm run bench -- --liquid-spec`: renders one of liquid-spec's benchmark cases as
# liquid-spec's Ruby adapter does (parsed once, then each render builds its context from the case's environment as
# static environments, partials from its file system), for about the seconds asked, and says how long a render took.
#
#   request (one JSON line): { "file": "/…/specs/benchmarks/storefront.yml", "name": "bench_…", "seconds": 1.0,
#                              "error_mode": "strict" }
#   answer  (one JSON line): { "renders": 812, "seconds_per_render": 0.00123, "bytes": 40512 }
require 'yaml'
require_relative 'reference_liquid'

def load_case(file, name)
  document = YAML.unsafe_load(File.read(file))
  specs = document.is_a?(Array) ? document : document['specs']
  data = (document.is_a?(Hash) && document.dig('_metadata', 'data_files') || []).map do |data_file|
    YAML.unsafe_load(File.read(File.join(File.dirname(file), data_file)))
  end
  spec = specs.find { |candidate| candidate['name'] == name } or raise ArgumentError, "no case #{name} in #{file}"
  environment = data.reduce({}) { |all, one| all.merge(one) }.merge(spec['environment'] || {})
  [spec, environment]
end

$stdout.sync = true
puts JSON.generate(ready: Liquid::VERSION)
$stdin.each_line do |line|
  answer =
    begin
      request = JSON.parse(line)
      spec, environment = load_case(request['file'], request['name'])
      template = Liquid::Template.parse(spec['template'], error_mode: (request['error_mode'] || 'strict').to_sym)
      file_system = PartialsFileSystem.new(spec['filesystem'], any_case: true)
      render = lambda do
        context = Liquid::Context.build(static_environments: environment, registers: { file_system: file_system })
        template.render(context)
      end
      output = render.call
      2.times { render.call }
      renders = 0
      started = Process.clock_gettime(Process::CLOCK_MONOTONIC)
      elapsed = 0.0
      while elapsed < request['seconds'].to_f || renders < 5
        render.call
        renders += 1
        elapsed = Process.clock_gettime(Process::CLOCK_MONOTONIC) - started
      end
      { renders: renders, seconds_per_render: elapsed / renders, bytes: output.bytesize }
    rescue StandardError => e
      { error: "#{e.class}: #{e.message}" }
    end
  puts JSON.generate(answer)
end
