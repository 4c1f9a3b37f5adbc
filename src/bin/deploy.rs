//! The deploy build's last step (`scripts/build.sh` runs it after trunk):
//! `deploy <trunk output> <dist>` writes the site to `<dist>`, the
//! single-file edition included (see `baogao::deploy`). `deploy catalogue
//! <folder>` writes the English interface's catalogue file into trunk's
//! output (a hook in `Trunk.toml`), so that `trunk serve` has it too.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use baogao::deploy;
    use std::path::PathBuf;

    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if let [command, into] = args.as_slice() {
        if command.as_os_str() == "catalogue" {
            return match deploy::write_catalogue(into) {
                Ok(()) => std::process::ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("deploy: {e}");
                    std::process::ExitCode::FAILURE
                }
            };
        }
    }
    let [from, to] = args.as_slice() else {
        eprintln!("usage: deploy <trunk output folder> <dist folder>");
        eprintln!("       deploy catalogue <trunk staging folder>");
        return std::process::ExitCode::FAILURE;
    };
    let built = deploy::read_dir(from).and_then(|trunk| {
        let trunk = deploy::minify_stylesheets(&trunk)?;
        let mut site = deploy::site(&trunk)?;
        let single = deploy::single_file(&trunk)?;
        site.insert(deploy::SINGLE_FILE.to_string(), single.into_bytes());
        deploy::write_dir(to, &site)?;
        Ok(site)
    });
    match built {
        Ok(site) => {
            for (name, bytes) in &site {
                println!("{:>10}  {name}", bytes.len());
            }
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("deploy: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
