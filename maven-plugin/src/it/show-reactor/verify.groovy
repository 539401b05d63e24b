// show-reactor: adjoint:show at the root of a reactor whose last module has no sources.
String log = new File(basedir, 'build.log').text

// invocation 1: m has no p.Model#nope and passes; z, last, fails the build because no module showed it
assert log.contains('adjoint: p.Model#nope is not in this module\'s sources') : 'm passes'
assert log.contains('adjoint: no module of the build declares p.Model#nope as a @Differentiable method')
assert log =~ /show \(default-cli\) on project show-reactor-z/ : 'the failure is in z, the last module'
// a MojoFailureException: before BUILD FAILURE no stack frame (the invoker's -e prints the chain after it)
int summary = log.indexOf('BUILD FAILURE')
assert summary > 0
assert !(log.substring(0, summary) =~ /(?m)^\s+at [\w.$]+ ?\(/) : 'no stack trace'
assert log.contains('org.apache.maven.plugin.MojoFailureException: adjoint: no module of the build declares')

// invocations 2 and 3 (-T 2): m shows the method, z does not fail, not even when it ends first
assert (log =~ /adjoint: adjoint of p\.Model#f \(p\.ModelAdjoint\):/).size() == 2
assert log.count('BUILD SUCCESS') == 2
assert log.count('BUILD FAILURE') == 1
return true
