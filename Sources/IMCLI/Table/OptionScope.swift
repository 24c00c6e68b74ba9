extension Command {
    /// The options of the last command of `path` (root first): its own, its parents' and the globals. A short letter
    /// declared deeper wins: where a command reuses an outer option's letter (`msg download -o FILE` against the global
    /// `-o MODE`), the outer option keeps only its long name.
    public static func options(along path: [Command]) -> [Option] {
        var taken: [Character] = []  // not a Set: its metadata would cost a conformance scan at every start-up
        var levels: [[Option]] = []
        for command in path.reversed() {
            levels.append(
                command.options.map { option in
                    var scoped = option
                    if let short = option.short, taken.contains(short) { scoped.short = nil }
                    return scoped
                })
            taken += command.options.compactMap(\.short)
        }
        return levels.reversed().flatMap { $0 }
    }
}
