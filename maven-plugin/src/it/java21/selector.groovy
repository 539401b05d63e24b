// java21: runs only where a JDK >= 21 exists (JAVA21_HOME, or the one the outer pom's profile finds)
String home = binding.hasVariable('jdk21Home') ? jdk21Home : null
File release = home && !home.contains('${') ? new File(home, 'release') : null
Integer version = null
if (release?.isFile()) {
    def m = release.text =~ /JAVA_VERSION="(\d+)/
    version = m.find() ? m.group(1) as Integer : null
}
if (version == null || version < 21) {
    println "java21 IT skipped: no JDK >= 21 found (JAVA21_HOME=${home ?: 'unset'}); set JAVA21_HOME to run it"
    return false
}
return true
