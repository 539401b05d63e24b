package dev.adjoint.maven;

import org.apache.maven.plugin.logging.Log;

/**
 * A log whose every line names the module it comes from ({@code [model] adjoint: ...}): in a
 * parallel build ({@code -T}) the modules' lines interleave, and a line that does not say whose
 * it is cannot be acted on.
 */
final class ModuleLog implements Log {
    private final Log log;
    private final String prefix;

    ModuleLog(Log log, String module) {
        this.log = log;
        this.prefix = "[" + module + "] ";
    }

    private CharSequence named(CharSequence line) {
        return prefix + line;
    }

    @Override
    public boolean isDebugEnabled() {
        return log.isDebugEnabled();
    }

    @Override
    public void debug(CharSequence content) {
        log.debug(named(content));
    }

    @Override
    public void debug(CharSequence content, Throwable error) {
        log.debug(named(content), error);
    }

    @Override
    public void debug(Throwable error) {
        log.debug(named(String.valueOf(error)), error);
    }

    @Override
    public boolean isInfoEnabled() {
        return log.isInfoEnabled();
    }

    @Override
    public void info(CharSequence content) {
        log.info(named(content));
    }

    @Override
    public void info(CharSequence content, Throwable error) {
        log.info(named(content), error);
    }

    @Override
    public void info(Throwable error) {
        log.info(named(String.valueOf(error)), error);
    }

    @Override
    public boolean isWarnEnabled() {
        return log.isWarnEnabled();
    }

    @Override
    public void warn(CharSequence content) {
        log.warn(named(content));
    }

    @Override
    public void warn(CharSequence content, Throwable error) {
        log.warn(named(content), error);
    }

    @Override
    public void warn(Throwable error) {
        log.warn(named(String.valueOf(error)), error);
    }

    @Override
    public boolean isErrorEnabled() {
        return log.isErrorEnabled();
    }

    @Override
    public void error(CharSequence content) {
        log.error(named(content));
    }

    @Override
    public void error(CharSequence content, Throwable error) {
        log.error(named(content), error);
    }

    @Override
    public void error(Throwable error) {
        log.error(named(String.valueOf(error)), error);
    }
}
