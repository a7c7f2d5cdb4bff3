//! The `diming` command. See `diming --help`.

fn main() -> std::process::ExitCode {
    diming::cli::main()
}
