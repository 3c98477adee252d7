# Reads Payara's server log (ODL records: "[time] [] [LEVEL] [message id] [logger] [...] [levelValue: N] message",
# a message of several lines between "[[" and "]]") and prints what an operator of ./nnlab run must see: every
# SEVERE record, and the WARNING records of nnlab's own loggers (org.nnlab.*). Each is one line: the message's first
# line and, for a failure, its exception's; one that differs from an earlier one only in its ids and numbers is not
# printed again (the log keeps every record).
# Payara's own warnings (expired certificates in its trust store, configuration read before the application's)
# stay in the log.

function flush(    key) {
    if (level == "" || !(level == "SEVERE" || (level == "WARNING" && logger ~ /^org\.nnlab\./))) {
        level = ""
        return
    }
    key = message (cause == "" ? "" : ": " cause)
    gsub(/[0-9a-f]+-[0-9a-f]+-[0-9a-f]+-[0-9a-f]+-[0-9a-f]+/, "#", key) # ids and counts: the same failure again
    gsub(/[0-9]+/, "#", key)
    if (!(key in seen)) {
        seen[key] = 1
        shown = message (cause == "" ? "" : ": " cause)
        printf "nnlab: %s: %s\n", (level == "SEVERE" ? "error" : "warning"), shown
        fflush()
    }
    level = ""
}

function field(text, n,    i, rest) {
    rest = text
    for (i = 1; i < n; i++) {
        sub(/^\[[^]]*\] */, "", rest)
    }
    if (match(rest, /^\[[^]]*\]/)) {
        return substr(rest, 2, RLENGTH - 2)
    }
    return ""
}

/^\[[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T/ {
    flush()
    level = field($0, 3)
    logger = field($0, 5)
    message = $0
    sub(/^.*\[levelValue: [0-9]+\] */, "", message)
    multiline = (message == "[[")
    if (multiline) {
        message = ""
    }
    cause = ""
    next
}

level != "" && multiline && message == "" {
    message = $0
    sub(/^ +/, "", message)
    next
}

level != "" && cause == "" && /^[a-zA-Z_$][a-zA-Z0-9_$.]*(Exception|Error|Throwable)(: |$)/ {
    cause = $0
    next
}

multiline && /\]\]$/ {
    flush()
}

END {
    flush()
}
